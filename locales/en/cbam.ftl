# CBAM messages: embedded emissions (athar-cbam) and the Commission's communication template
# (athar-cbam-template).

## Aggregated goods categories
cbam-category-cement = Cement
cbam-category-cement-clinker = Cement clinker
cbam-category-calcined-clays = Calcined clays
cbam-category-aluminous-cement = Aluminous cement
cbam-category-iron-or-steel-products = Iron or steel products
cbam-category-crude-steel = Crude steel
cbam-category-direct-reduced-iron = Direct reduced iron
cbam-category-pig-iron = Pig iron
cbam-category-alloys = Alloys (FeMn, FeCr, FeNi)
cbam-category-sintered-ore = Sintered ore
cbam-category-hydrogen = Hydrogen
cbam-category-ammonia = Ammonia
cbam-category-nitric-acid = Nitric acid
cbam-category-urea = Urea
cbam-category-mixed-fertilisers = Mixed fertilisers
cbam-category-aluminium-products = Aluminium products
cbam-category-unwrought-aluminium = Unwrought aluminium
cbam-category-electricity = Electricity

## Production routes
cbam-route-basic-oxygen-steelmaking = Basic oxygen steelmaking
cbam-route-electric-arc-furnace = Electric arc furnace
cbam-route-blast-furnace = Blast furnace route
cbam-route-smelting-reduction = Smelting reduction
cbam-route-steam-reforming-partial-oxidation = Steam reforming and partial oxidation
cbam-route-electrolysis-of-water = Electrolysis of water
cbam-route-chlor-alkali-electrolysis = Chlor-alkali electrolysis and production of chlorates
cbam-route-haber-bosch-steam-reforming = Haber-Bosch process with steam reforming of natural gas or biogas
cbam-route-haber-bosch-gasification = Haber-Bosch process with gasification of coal or other fuels
cbam-route-primary-smelting = Primary (electrolytic) smelting
cbam-route-secondary-melting = Secondary melting (recycling)
cbam-route-other = Other production routes
cbam-route-unknown = Unknown production routes

## Validation of CBAM data (shown next to the field)
cbam-v-id-duplicate = The id “{ $id }” is used twice.
cbam-v-route-category = The route “{ $route }” does not exist for { $category }.
cbam-v-ef-unit-mismatch = This emission factor unit does not fit activity data in { $unit }. Use t CO2/TJ with a net calorific value, or the factor per { $unit }.
cbam-v-functional-unit = A { $category } process cannot count its production in { $unit }.
cbam-v-activity-level-zero = Enter the production of this process; it must be more than zero.
cbam-v-process-unknown = There is no production process “{ $id }”.
cbam-v-transfer-self = A process cannot pass its product to itself.
cbam-v-source-unknown = There is no emission source “{ $id }”.
cbam-v-source-overattributed = More than all of the emissions of source “{ $source }” are attributed to processes.
cbam-v-production-balance = Production does not add up: what goes to the market, to other processes and to non-CBAM goods differs from the total by { $difference }.
cbam-v-purchase-balance = Purchases do not add up: the amounts consumed and used otherwise differ from the total bought by { $difference }.
cbam-v-cn-unknown = “{ $code }” is not a CN code of a CBAM good.
cbam-v-cn-category = CN code { $code } is { $category }, but this process makes { $expected }.
cbam-v-cn-required-for-default = Enter the CN code; it is needed to find the default value.
cbam-v-country-required-for-default = Enter the country of production, or choose the value for an unknown origin.
cbam-v-annex-iv-country-known = The value for an unknown origin may only be used when the country of production is not known.
cbam-v-justification-required = Say why default values are used.
cbam-v-variant-required = The default value of CN code { $code } depends on the kind of good; choose which one applies.

## Calculation
cbam-error-invalid = The CBAM data has { $count } problem(s); the first is at { $field }.
cbam-error-cycle = These processes supply each other in a loop, so their embedded emissions cannot be calculated: { $processes }.
cbam-error-defaults-unavailable = Precursor { $precursor } is counted at default values, but the default-value tables are not available.
cbam-error-default-not-found = No default value for precursor { $precursor } (CN { $cn }, { $region }): { $reason }
cbam-error-overflow = A number became too large while calculating { $at }.
cbam-default-not-found = No default value was found (looked for { $tried }).
cbam-default-ambiguous = This CN code has several default values; choose one of: { $variants }.

## Result explanations
cbam-node-source-stream = Source stream { $subject }
cbam-node-pfc = PFC emissions { $subject }
cbam-node-measured-source = Measured source { $subject }
cbam-node-installation-co2 = Installation CO2 emissions
cbam-node-installation-biomass = Installation biomass emissions
cbam-node-installation-n2o = Installation N2O emissions
cbam-node-installation-pfc = Installation PFC emissions
cbam-node-installation-direct = Installation direct emissions
cbam-node-installation-indirect = Installation indirect emissions
cbam-node-installation-total = Installation total emissions
cbam-node-activity-level = Activity level of { $subject }
cbam-node-directly-attributable = Directly attributable emissions of { $subject }
cbam-node-heat-import = Imported heat of { $subject }
cbam-node-heat-export = Exported heat of { $subject }
cbam-node-waste-gas-import = Imported waste gas of { $subject }
cbam-node-waste-gas-export = Exported waste gas of { $subject }
cbam-node-electricity-export = Exported electricity of { $subject }
cbam-node-attributed-direct = Attributed direct emissions of { $subject }
cbam-node-attributed-indirect = Attributed indirect emissions of { $subject }
cbam-node-input-direct = Direct emissions of a precursor used by { $subject }
cbam-node-input-indirect = Indirect emissions of a precursor used by { $subject }
cbam-node-precursor-see-direct = Specific direct embedded emissions of precursor { $subject }
cbam-node-precursor-see-indirect = Specific indirect embedded emissions of precursor { $subject }
cbam-node-process-see-direct = Specific direct embedded emissions of process { $subject }
cbam-node-process-see-indirect = Specific indirect embedded emissions of process { $subject }
cbam-node-product-see-direct = Specific direct embedded emissions of product { $subject }
cbam-node-product-see-indirect = Specific indirect embedded emissions of product { $subject }
cbam-node-product-see-total = Specific embedded emissions of product { $subject }
cbam-flag-clamped-to-zero = The calculation gave { $computed } t CO2e, which is set to zero as the regulation requires.
cbam-flag-zero-rated-origin = Produced in { $country }: counts as zero (EU or a country outside CBAM).
cbam-flag-default-value = Default value ({ $source ->
    [annex-i] IR 2025/2621 Annex I, { $region }
    [annex-iv] IR 2025/2621 Annex IV, origin unknown
   *[supplier] marked as default by the supplier
}){ $markup ->
    [none] {""}
   *[other] , mark-up { $markup } %
}.
cbam-flag-total-only = The default value is a total only and is counted as direct emissions.
cbam-flag-no-indirect-default = The default-value table gives no indirect value for this good; none is counted.
cbam-flag-default-year = Default values apply from 2026; the { $used } values were used for { $year }.
cbam-flag-indirect-not-counted = Indirect emissions of this good are reported but do not count towards CBAM certificates.
cbam-flag-from-processes = Summed over the production processes, as no installation total was entered.

## The communication template
cbam-tpl-io = Cannot read { $path }: { $detail }
cbam-tpl-empty = The file is empty.
cbam-tpl-not-xlsx = This file is not an Excel workbook (.xlsx): { $looks_like ->
    [png] it is a PNG image.
    [jpeg] it is a JPEG image.
    [pdf] it is a PDF document.
    [xls] it is an old .xls workbook. Save it from Excel as .xlsx.
    [text] it is a text file.
   *[other] its content is of another kind.
}
cbam-tpl-corrupt = The workbook is damaged or incomplete ({ $detail }). Download or save it again.
cbam-tpl-not-template = This workbook is not the Commission's CBAM communication template for installations ({ $missing } is missing).
cbam-tpl-unsupported-version = This communication template is of version { $found }; Athar reads versions 2.1 and 2.1.1. Ask the sender for the current template.
cbam-tpl-invalid = The template has { $count } problem(s); the first is in cell { $cell }. Nothing was imported.
cbam-tpl-cell-error = The cell shows the error { $value }.
cbam-tpl-not-number = “{ $value }” is not a number.
cbam-tpl-not-date = “{ $value }” is not a date.
cbam-tpl-not-bool = “{ $value }” is neither True nor False.
cbam-tpl-unknown-value = “{ $value }” is not one of the template's choices.
cbam-tpl-unknown-country = “{ $value }” is not a country of the template's list.
cbam-tpl-unknown-process = There is no production process named “{ $value }”.
cbam-tpl-no-such-process = This amount goes to production process { $value }, which is not filled in.
cbam-tpl-unexpected-value = The value { $value } is in a row the template does not use for this goods category.
cbam-tpl-coordinates = “{ $value }” is not a coordinate in decimal degrees (for example 30.0444).
cbam-tpl-incomplete-row = This row has values but its first column is empty.
cbam-export-too-many = The template has room for { $max } { $what ->
    [goods-categories] goods categories
    [processes] production processes
    [purchased-precursors] purchased precursors
    [source-streams] source streams
    [pfc-entries] PFC entries
    [measured-sources] measured emission sources
    [products] products
    [routes-per-goods-category] routes per goods category
    [included-goods-categories] included goods categories per process
    [routes-per-precursor] routes per precursor
   *[other] entries
}; there are { $count }.
cbam-export-not-representable = { $field }: “{ $value }” cannot be written into the template.
cbam-export-stale-results = The results do not belong to this data ({ $detail }). Calculate again before exporting.
