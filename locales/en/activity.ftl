# Activity data, import, inventory dashboard, explain and company factors.

nav-activity = Activity data
nav-inventory = GHG inventory
nav-factors = Own factors

action-edit = Edit
action-delete = Delete
action-save = Save

dialog-import-title = Choose a spreadsheet to import
dialog-filter-spreadsheet = Spreadsheets (xlsx, csv)

## Activity table

activity-title = Activity data
activity-lead = Every bill, meter reading and invoice line the inventory is computed from. Filter, correct or add entries here; every change is kept in the audit log.
activity-add = Add entry
activity-import = Import a spreadsheet…
activity-count = { $shown } of { $total } entries
activity-empty = No activity data yet. Add an entry or import a spreadsheet of bills.
activity-no-match = No entry matches these filters.
activity-delete-confirm = Delete this entry?
activity-instruments = { $count ->
    [one] one contractual instrument
   *[other] { $count } contractual instruments
}
filter-site = Site
filter-year = Year
filter-month = Month
filter-scope = Scope
filter-text = Search
filter-all = All
pager-prev = Previous
pager-next = Next

col-id = Id
col-site = Site
col-period = Period
col-kind = Kind
col-item = Fuel, material or mode
col-amount = Amount
col-scope = Scope
col-origin = Source
col-quality = Data quality
col-actions = Actions

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

scope-1 = Scope 1
scope-2 = Scope 2
scope-2-location = Scope 2 (location-based)
scope-2-market = Scope 2 (market-based)
scope-3 = Scope 3
total-location = Total (location-based)
total-market = Total (market-based)
intensity-location = Intensity (location-based)
intensity-market = Intensity (market-based)
all-sites = all sites
intensity-unit = t CO₂e per million { $currency }
unit-tco2e = t CO₂e

scope3-cat-1 = 1 · Purchased goods and services
scope3-cat-2 = 2 · Capital goods
scope3-cat-3 = 3 · Fuel- and energy-related activities
scope3-cat-4 = 4 · Upstream transportation and distribution
scope3-cat-5 = 5 · Waste generated in operations
scope3-cat-6 = 6 · Business travel
scope3-cat-7 = 7 · Employee commuting
scope3-cat-8 = 8 · Upstream leased assets
scope3-cat-9 = 9 · Downstream transportation and distribution
scope3-cat-10 = 10 · Processing of sold products
scope3-cat-11 = 11 · Use of sold products
scope3-cat-12 = 12 · End-of-life treatment of sold products
scope3-cat-13 = 13 · Downstream leased assets
scope3-cat-14 = 14 · Franchises
scope3-cat-15 = 15 · Investments

kind-fuel-stationary = Fuel burnt in plant (stationary)
kind-fuel-mobile = Fuel burnt in vehicles (mobile)
kind-process = Process emissions
kind-refrigerant = Refrigerant leakage
kind-electricity = Purchased electricity
kind-heat = Purchased heat, steam or cooling
kind-purchased-goods = Purchased goods (Scope 3.1)
kind-upstream-transport = Inbound transport (Scope 3.4)
kind-waste = Waste (Scope 3.5)
kind-business-travel = Business travel (Scope 3.6)

source-stationary-combustion = Stationary combustion
source-mobile-combustion = Mobile combustion
source-process = Process
source-fugitive = Refrigerants (fugitive)
source-electricity = Electricity
source-heat = Heat and steam
source-purchased-goods = Purchased goods
source-upstream-transport = Inbound transport
source-waste = Waste
source-business-travel = Business travel

quality-measured = Measured or invoiced
quality-calculated = Calculated
quality-estimated = Estimated

origin-manual = Typed in
origin-import = Imported from { $file }
origin-import-row = { $file }, row { $row }
origin-document = Read from a document

process-carbonate = Carbonate { $name }
process-oxide = Oxide { $name }
process-material = Material { $name }

transport-road = Road
transport-rail = Rail
transport-sea = Sea
transport-air = Air
transport-inland-waterway = Inland waterway
travel-air = Air
travel-rail = Rail
travel-car = Car
travel-bus = Bus
travel-taxi = Taxi
travel-hotel = Hotel nights
heat-steam = Steam
heat-hot-water = Hot water
heat-cooling = Cooling
waste-treatment-landfill = Landfill
waste-treatment-incineration = Incineration
waste-treatment-recycling = Recycling
waste-treatment-composting = Composting
waste-treatment-other = Other treatment

fuel-crude-oil = Crude oil
fuel-orimulsion = Orimulsion
fuel-natural-gas-liquids = Natural gas liquids
fuel-motor-gasoline = Motor gasoline (petrol)
fuel-kerosene-other-than-jet-kerosene = Kerosene (not jet)
fuel-shale-oil = Shale oil
fuel-gas-diesel-oil = Gas/diesel oil
fuel-residual-fuel-oil = Residual fuel oil (mazut)
fuel-liquefied-petroleum-gases = Liquefied petroleum gas (LPG)
fuel-ethane = Ethane
fuel-naphtha = Naphtha
fuel-bitumen = Bitumen
fuel-lubricants = Lubricants
fuel-petroleum-coke = Petroleum coke
fuel-refinery-feedstocks = Refinery feedstocks
fuel-refinery-gas = Refinery gas
fuel-paraffin-waxes = Paraffin waxes
fuel-white-spirit-and-sbp = White spirit and SBP
fuel-other-petroleum-products = Other petroleum products
fuel-anthracite = Anthracite
fuel-coking-coal = Coking coal
fuel-other-bituminous-coal = Other bituminous coal
fuel-sub-bituminous-coal = Sub-bituminous coal
fuel-lignite = Lignite
fuel-oil-shale-and-tar-sands = Oil shale and tar sands
fuel-patent-fuel = Patent fuel
fuel-coke-oven-coke-and-lignite-coke = Coke oven coke and lignite coke
fuel-gas-coke = Gas coke
fuel-coal-tar = Coal tar
fuel-gas-works-gas = Gas works gas
fuel-coke-oven-gas = Coke oven gas
fuel-blast-furnace-gas = Blast furnace gas
fuel-oxygen-steel-furnace-gas = Oxygen steel furnace gas
fuel-natural-gas = Natural gas
fuel-industrial-wastes = Industrial wastes
fuel-waste-oils = Waste oils
fuel-peat = Peat
fuel-waste-tyres = Waste tyres
fuel-carbon-monoxide = Carbon monoxide
fuel-methane = Methane
fuel-municipal-waste-fossil-fraction = Municipal waste (fossil part)

## Entry form

entry-new-title = New activity entry
entry-edit-title = Edit activity entry
entry-lead = One bill, meter reading or invoice line. The period is the one the bill covers; a bill that spans two months or the year end is shared out by days.
field-entry-kind = What is it?
field-entry-item = Fuel, material or mode
field-entry-treatment = Treatment
field-entry-id = Id
field-entry-site = Site
field-entry-quality = Data quality
field-entry-from = Period from
field-entry-to = Period to
field-entry-basis = Given as
entry-basis-quantity = A physical quantity
entry-basis-spend = Money spent
field-entry-amount = Amount
field-entry-unit = Unit
field-entry-currency = Currency
field-entry-normalisation = Normal m³ per metered m³
field-entry-normalisation-basis = Conditions (from the bill)
normalisation-hint = The factor tables are per normal cubic metre; the bill states the conversion or the meter's temperature and pressure.
field-entry-document = Evidence document
field-entry-page = Page
date-hint = Year-month-day, for example 2026-01-31.
instruments-title = Contractual instruments (market-based)
instruments-note = Certificates (I-REC, GO), power purchase agreements or the supplier's own emission rate claimed for this electricity. Consumption they do not cover counts at the residual mix or the grid average.
instruments-add = Add instrument
instrument-certificate = Energy attribute certificate
instrument-ppa = Power purchase agreement
instrument-supplier_rate = Supplier-specific rate
field-instrument-kind = Kind
field-instrument-id = Certificate or contract number
field-instrument-scheme = Scheme
field-instrument-covers = Energy covered
instrument-covers-hint = Leave empty to cover all consumption not covered above.
field-instrument-factor = Emission rate
instrument-factor-hint = Often 0 for renewable certificates.

## Import

import-title = Import activity data
import-lead = Read bills and meter readings from a spreadsheet. Nothing is saved until you press Import; importing the same rows again changes nothing.
import-step-file = 1. Choose the file
import-path-placeholder = Path of a .xlsx or .csv file
import-choose = Choose file…
import-read = Read
import-formats = Excel workbooks (.xlsx, first sheet) and CSV files (comma or semicolon, UTF-8) with one header row.
import-step-mapping = 2. Which column is which?
import-file-summary = { $file }: { $rows } rows.
import-unmapped = — not in the file —
import-field-id = Row id
import-field-site = Site
import-field-period-from = Period from
import-field-period-to = Period to
import-field-kind = Kind
import-field-quantity = Quantity
import-field-unit = Unit
import-field-item = Fuel, material or mode
import-field-combustion = Stationary or mobile
import-field-quality = Data quality
import-step-preview = 3. Check and import
import-counts = { $valid } rows can be imported; { $invalid } have problems and will be left out.
import-problems = Rows that will not be imported
import-more-problems = …and { $count } more.
import-commit = Import { $count } rows
import-done-title = Imported
import-done = { $file }: { $inserted } new, { $updated } updated, { $unchanged } unchanged; { $invalid } rows left out.
import-finish = Back to the activity table

## Inventory

inventory-title = GHG inventory
inventory-lead = Scope 1, 2 and 3 emissions computed from the activity data, in tonnes of CO₂ equivalent (GWP-100, IPCC AR5). Click any figure to see where it comes from.
inventory-monthly = By month
inventory-computing = Computing…
inventory-no-entries = No activity data falls in { $year }.
inventory-problems-title = { $count ->
    [one] One entry cannot be calculated
   *[other] { $count } entries cannot be calculated
}
inventory-problems-note = The inventory is only shown when every entry of the year can be calculated. Correct these entries, or add the factor they need under Own factors.
inventory-by-scope = By scope
inventory-by-source = By source
inventory-by-month = By month
inventory-by-site = By site
inventory-scope3-categories = Scope 3 by category
intensity-title = Emissions per net revenue
quality-title = Data quality
quality-primary-share = Primary data (measured activity × specific factor)
quality-default-lines = Lines using a published default factor
quality-lines-of = { $count } of { $total }
quality-note = Where no supplier-specific factor was given, the published default was used and the line is flagged.
flagkind-default-factor = { $count } lines use a default factor
flagkind-market-grid-average-fallback = { $count } market-based lines fall back to the grid average
flagkind-residual-mix = { $count } market-based lines use the residual mix
flagkind-region-fallback = { $count } lines use a factor for another region
flagkind-factor-outside-validity = { $count } lines use a factor outside its validity period
flagkind-gwp-basis-mismatch = { $count } lines use a factor on another GWP basis
flagkind-co2-only = { $count } combustion lines count CO₂ only
flagkind-apportioned = { $count } lines are shared out by days

explain-open = Where does this figure come from?
explain-trail = Path to this figure
explain-close = Close
explain-line = Entry { $entry }
explain-formula = Formula
explain-primary-share = Primary data: { $share }
explain-flags = What to know
explain-entries = Activity data
explain-evidence = Evidence: { $doc }
explain-evidence-page = Evidence: { $doc }, page { $page }
explain-factors = Factors
explain-children = Made up of
explain-flagged = flagged
explain-more-children = …and { $count } smaller items.

flag-default-factor = Published default factor { $factor } (no supplier-specific factor given).
flag-market-grid-fallback = { $energy } had no instrument, supplier rate or residual mix: grid average { $factor } used.
flag-residual-mix = Residual mix { $factor } used for consumption not covered by instruments.
flag-region-fallback = Factor { $factor } is for { $used }, not { $requested }.
flag-outside-validity = Factor { $factor } is not valid in this period; the nearest one in time was used.
flag-gwp-mismatch = Factor { $factor } is CO₂e on another GWP basis ({ $basis }).
flag-co2-only = Factor { $factor } counts CO₂ only; CH₄ and N₂O from combustion are not included.
flag-apportioned = { $days } of the bill's { $of } days fall in this period; counted pro rata.

## Company factors

factors-title = Own factors
factors-lead = Factors from your suppliers or your own measurements: a product carbon footprint, the calorific value on a gas bill, a forwarder's factor per tonne-kilometre, spend factors. They are used before the published defaults and count as primary data. Changing one keeps the old version for reports that used it.
factors-add = Add factor
factors-add-spend = Add spend factor
factors-rows = Factors
factors-empty = No own factors yet. Scope 3 entries need one (Athar ships no Scope 3 defaults).
factors-spend = Spend factors
factors-spend-empty = No spend factors yet.
factors-form = Factor
factors-spend-form = Spend factor (mass of CO₂e per unit of currency)
field-factor-id = Id
field-factor-activity = Applies to
factor-activity-hint = kind:name, for example material:steel-sheet, transport:road, waste:paper:recycling, fuel:natural-gas.
field-factor-region = Region
factor-region-hint = ISO country code (EG) or WORLD.
field-factor-parameter = Parameter
factor-parameter-ef = Emission factor
factor-parameter-ncv = Net calorific value
field-factor-value = Value
field-factor-unit = Unit
factor-unit-hint = For example tCO2e/t, kgCO2e/t.km, GJ/Nm3.
field-factor-currency = Per unit of
factor-spend-hint = The value is kg CO₂e per one unit of this currency.
field-factor-gwp = GWP basis
gwp-ar5 = IPCC AR5
gwp-ar6 = IPCC AR6
gwp-unstated = Not stated by the source
field-factor-source = Source
field-factor-source-ref = Where in the source
field-factor-notes = Notes

## Errors

entry-err-duplicate-id = Another entry has the same id.
entry-err-invalid-period = The period { $from } – { $to } ends before it starts.
entry-err-outside-period = The period { $from } – { $to } does not overlap the inventory's year.
entry-err-negative = An amount cannot be negative.
entry-err-unit-not-accepted = A { $activity } entry cannot be given in { $unit }; use { $expected }.
entry-err-spend-not-accepted = A { $activity } entry cannot be given as money spent.
entry-err-no-conversion = No factor converts { $unit } of { $activity } in { $region }: { $hint }
entry-err-factor-not-found = There is no { $parameter } factor for { $activity } in { $region }. Add one under Own factors.
entry-err-ambiguous-factor = Several factors match ({ $ids }); Athar will not pick one. Pin the one to use.
entry-err-pinned-not-found = The chosen factor { $id }@{ $version } no longer exists.
entry-err-factor-unit = Factor { $factor } ({ $unit }) cannot give CO₂e: { $reason }
entry-err-currency = The spend is in { $currency } but factor { $factor } is per { $factor_currency }; convert the amount first.
entry-err-instrument = Instrument { $instrument }: { $reason }
entry-err-instruments-exceed = The instruments cover { $covered } but the consumption is only { $consumption }.
entry-err-overflow = The numbers are too large to calculate.
entry-err-quantity = { $detail }
error-inventory-revenue = The net revenue in the profile must be positive to compute an intensity.
error-factor-id-taken = Another factor already has the id { $id }.
error-factor-not-found = There is no factor with id { $id }.
