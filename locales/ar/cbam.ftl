# رسائل آلية تعديل حدود الكربون (CBAM): الانبعاثات المتضمنة (athar-cbam) ونموذج الإبلاغ
# الصادر عن المفوضية الأوروبية (athar-cbam-template).

## فئات السلع المجمّعة
cbam-category-cement = الأسمنت
cbam-category-cement-clinker = كلنكر الأسمنت
cbam-category-calcined-clays = الطين المكلّس
cbam-category-aluminous-cement = الأسمنت الألوميني
cbam-category-iron-or-steel-products = منتجات الحديد أو الصلب
cbam-category-crude-steel = الصلب الخام
cbam-category-direct-reduced-iron = الحديد المختزل مباشرة
cbam-category-pig-iron = الحديد الغفل
cbam-category-alloys = السبائك الحديدية (FeMn وFeCr وFeNi)
cbam-category-sintered-ore = الخام الملبّد
cbam-category-hydrogen = الهيدروجين
cbam-category-ammonia = الأمونيا
cbam-category-nitric-acid = حمض النيتريك
cbam-category-urea = اليوريا
cbam-category-mixed-fertilisers = الأسمدة المختلطة
cbam-category-aluminium-products = منتجات الألومنيوم
cbam-category-unwrought-aluminium = الألومنيوم غير المشغول
cbam-category-electricity = الكهرباء

## مسارات الإنتاج
cbam-route-basic-oxygen-steelmaking = صناعة الصلب بالأكسجين القاعدي
cbam-route-electric-arc-furnace = فرن القوس الكهربائي
cbam-route-blast-furnace = مسار الفرن العالي
cbam-route-smelting-reduction = الاختزال بالصهر
cbam-route-steam-reforming-partial-oxidation = إعادة التشكيل بالبخار والأكسدة الجزئية
cbam-route-electrolysis-of-water = التحليل الكهربائي للماء
cbam-route-chlor-alkali-electrolysis = التحليل الكهربائي للكلور القلوي وإنتاج الكلورات
cbam-route-haber-bosch-steam-reforming = عملية هابر-بوش مع إعادة تشكيل الغاز الطبيعي أو الغاز الحيوي بالبخار
cbam-route-haber-bosch-gasification = عملية هابر-بوش مع تغويز الفحم أو أنواع وقود أخرى
cbam-route-primary-smelting = الصهر الأولي (بالتحليل الكهربائي)
cbam-route-secondary-melting = الصهر الثانوي (إعادة التدوير)
cbam-route-other = مسارات إنتاج أخرى
cbam-route-unknown = مسارات إنتاج غير معروفة

## التحقق من بيانات CBAM (تظهر بجوار الحقل)
cbam-v-id-duplicate = المعرّف «{ $id }» مستخدم مرتين.
cbam-v-route-category = المسار «{ $route }» غير موجود للفئة { $category }.
cbam-v-ef-unit-mismatch = وحدة معامل الانبعاث هذه لا تناسب بيانات نشاط مقدّرة بوحدة { $unit }. استخدم طن ثاني أكسيد الكربون لكل تيراجول مع القيمة الحرارية الصافية، أو المعامل لكل { $unit }.
cbam-v-functional-unit = لا يمكن لعملية من فئة { $category } أن تحسب إنتاجها بوحدة { $unit }.
cbam-v-activity-level-zero = أدخل إنتاج هذه العملية؛ يجب أن يكون أكبر من صفر.
cbam-v-process-unknown = لا توجد عملية إنتاج «{ $id }».
cbam-v-transfer-self = لا يمكن لعملية أن تنقل منتجها إلى نفسها.
cbam-v-source-unknown = لا يوجد مصدر انبعاث «{ $id }».
cbam-v-source-overattributed = نُسب إلى العمليات أكثر من كامل انبعاثات المصدر «{ $source }».
cbam-v-production-balance = الإنتاج غير متوازن: ما يذهب إلى السوق وإلى العمليات الأخرى وإلى السلع غير الخاضعة للآلية يختلف عن الإجمالي بمقدار { $difference }.
cbam-v-purchase-balance = المشتريات غير متوازنة: الكميات المستهلكة والمستخدمة لأغراض أخرى تختلف عن إجمالي المشتريات بمقدار { $difference }.
cbam-v-cn-unknown = «{ $code }» ليس رمزًا في التسمية المركبة لسلعة خاضعة لآلية CBAM.
cbam-v-cn-category = رمز التسمية المركبة { $code } من فئة { $category }، لكن هذه العملية تنتج { $expected }.
cbam-v-cn-required-for-default = أدخل رمز التسمية المركبة؛ فهو لازم لإيجاد القيمة الافتراضية.
cbam-v-country-required-for-default = أدخل بلد الإنتاج، أو اختر القيمة الخاصة بالمنشأ غير المعروف.
cbam-v-annex-iv-country-known = لا تُستخدم قيمة المنشأ غير المعروف إلا إذا كان بلد الإنتاج مجهولًا.
cbam-v-justification-required = اذكر سبب استخدام القيم الافتراضية.
cbam-v-variant-required = تعتمد القيمة الافتراضية لرمز CN ‏{ $code } على نوع السلعة؛ اختر النوع المنطبق.

## الحساب
cbam-error-invalid = في بيانات CBAM { $count } مشكلة، أولاها في { $field }.
cbam-error-cycle = هذه العمليات تزوّد بعضها بعضًا في حلقة مغلقة، فلا يمكن حساب انبعاثاتها المتضمنة: { $processes }.
cbam-error-defaults-unavailable = تُحسب السلعة الأولية { $precursor } بالقيم الافتراضية، لكن جداول القيم الافتراضية غير متاحة.
cbam-error-default-not-found = لا توجد قيمة افتراضية للسلعة الأولية { $precursor } (الرمز { $cn }، { $region }): { $reason }
cbam-error-overflow = تجاوز رقمٌ الحدَّ الممكن أثناء حساب { $at }.
cbam-default-not-found = لم يُعثر على قيمة افتراضية (بُحث عن { $tried }).
cbam-default-ambiguous = لرمز التسمية المركبة هذا أكثر من قيمة افتراضية؛ اختر إحداها: { $variants }.

## شرح النتائج
cbam-node-source-stream = تيار المصدر { $subject }
cbam-node-pfc = انبعاثات مركبات الكربون المشبعة بالفلور { $subject }
cbam-node-measured-source = مصدر مقيس { $subject }
cbam-node-installation-co2 = انبعاثات ثاني أكسيد الكربون للمنشأة
cbam-node-installation-biomass = انبعاثات الكتلة الحيوية للمنشأة
cbam-node-installation-n2o = انبعاثات أكسيد النيتروز للمنشأة
cbam-node-installation-pfc = انبعاثات مركبات الكربون المشبعة بالفلور للمنشأة
cbam-node-installation-direct = الانبعاثات المباشرة للمنشأة
cbam-node-installation-indirect = الانبعاثات غير المباشرة للمنشأة
cbam-node-installation-total = إجمالي انبعاثات المنشأة
cbam-node-activity-level = مستوى نشاط { $subject }
cbam-node-directly-attributable = الانبعاثات المنسوبة مباشرة إلى { $subject }
cbam-node-heat-import = الحرارة المستوردة إلى { $subject }
cbam-node-heat-export = الحرارة المصدّرة من { $subject }
cbam-node-waste-gas-import = غازات النفايات المستوردة إلى { $subject }
cbam-node-waste-gas-export = غازات النفايات المصدّرة من { $subject }
cbam-node-electricity-export = الكهرباء المصدّرة من { $subject }
cbam-node-attributed-direct = الانبعاثات المباشرة المنسوبة إلى { $subject }
cbam-node-attributed-indirect = الانبعاثات غير المباشرة المنسوبة إلى { $subject }
cbam-node-input-direct = الانبعاثات المباشرة لسلعة أولية تستخدمها { $subject }
cbam-node-input-indirect = الانبعاثات غير المباشرة لسلعة أولية تستخدمها { $subject }
cbam-node-precursor-see-direct = الانبعاثات المتضمنة المباشرة النوعية للسلعة الأولية { $subject }
cbam-node-precursor-see-indirect = الانبعاثات المتضمنة غير المباشرة النوعية للسلعة الأولية { $subject }
cbam-node-process-see-direct = الانبعاثات المتضمنة المباشرة النوعية للعملية { $subject }
cbam-node-process-see-indirect = الانبعاثات المتضمنة غير المباشرة النوعية للعملية { $subject }
cbam-node-product-see-direct = الانبعاثات المتضمنة المباشرة النوعية للمنتج { $subject }
cbam-node-product-see-indirect = الانبعاثات المتضمنة غير المباشرة النوعية للمنتج { $subject }
cbam-node-product-see-total = الانبعاثات المتضمنة النوعية للمنتج { $subject }
cbam-flag-clamped-to-zero = أعطى الحساب { $computed } طن مكافئ ثاني أكسيد الكربون، وتُعتبر صفرًا كما تقضي اللائحة.
cbam-flag-zero-rated-origin = منتَج في { $country }: يُحسب صفرًا (الاتحاد الأوروبي أو بلد خارج نطاق الآلية).
cbam-flag-default-value = قيمة افتراضية ({ $source ->
    [annex-i] الملحق الأول من اللائحة التنفيذية 2025/2621، { $region }
    [annex-iv] الملحق الرابع من اللائحة التنفيذية 2025/2621، منشأ غير معروف
   *[supplier] وصفها المورّد بأنها افتراضية
}){ $markup ->
    [none] {""}
   *[other] ، مع زيادة { $markup }٪
}.
cbam-flag-total-only = القيمة الافتراضية إجمالية فقط، وتُحسب انبعاثاتٍ مباشرة.
cbam-flag-no-indirect-default = لا يذكر جدول القيم الافتراضية قيمة غير مباشرة لهذه السلعة؛ فلا يُحسب شيء.
cbam-flag-default-year = تسري القيم الافتراضية من عام 2026؛ استُخدمت قيم عام { $used } لعام { $year }.
cbam-flag-indirect-not-counted = الانبعاثات غير المباشرة لهذه السلعة يُبلَّغ عنها لكنها لا تُحتسب في شهادات الآلية.
cbam-flag-from-processes = مجموع عمليات الإنتاج، إذ لم يُدخل إجمالي للمنشأة.

## نموذج الإبلاغ
cbam-tpl-io = تعذّرت قراءة { $path }: { $detail }
cbam-tpl-empty = الملف فارغ.
cbam-tpl-not-xlsx = هذا الملف ليس مصنّف Excel (.xlsx): { $looks_like ->
    [png] إنه صورة PNG.
    [jpeg] إنه صورة JPEG.
    [pdf] إنه مستند PDF.
    [xls] إنه مصنّف ‎.xls‎ قديم. احفظه من Excel بصيغة ‎.xlsx‎.
    [text] إنه ملف نصي.
   *[other] محتواه من نوع آخر.
}
cbam-tpl-corrupt = المصنّف تالف أو غير مكتمل ({ $detail }). نزّله أو احفظه من جديد.
cbam-tpl-not-template = هذا المصنّف ليس نموذج الإبلاغ الخاص بالمنشآت الصادر عن المفوضية الأوروبية لآلية CBAM (ينقصه { $missing }).
cbam-tpl-unsupported-version = إصدار نموذج الإبلاغ هذا هو { $found }؛ يقرأ «أثر» الإصدارين 2.1 و2.1.1. اطلب من المرسل النموذج الحالي.
cbam-tpl-invalid = في النموذج { $count } مشكلة، أولاها في الخلية { $cell }. لم يُستورد شيء.
cbam-tpl-cell-error = تعرض الخلية الخطأ { $value }.
cbam-tpl-not-number = «{ $value }» ليس رقمًا.
cbam-tpl-not-date = «{ $value }» ليس تاريخًا.
cbam-tpl-not-bool = «{ $value }» ليس صحيحًا ولا خطأً (True أو False).
cbam-tpl-unknown-value = «{ $value }» ليس من خيارات النموذج.
cbam-tpl-unknown-country = «{ $value }» ليس بلدًا من قائمة النموذج.
cbam-tpl-unknown-process = لا توجد عملية إنتاج باسم «{ $value }».
cbam-tpl-no-such-process = تذهب هذه الكمية إلى عملية الإنتاج { $value } التي لم تُملأ بياناتها.
cbam-tpl-unexpected-value = القيمة { $value } في صف لا يستخدمه النموذج لهذه الفئة من السلع.
cbam-tpl-coordinates = «{ $value }» ليس إحداثيًا بالدرجات العشرية (مثل 30.0444).
cbam-tpl-incomplete-row = في هذا الصف قيم، لكن عموده الأول فارغ.
cbam-export-too-many = يتسع النموذج لـ { $max } { $what ->
    [goods-categories] من فئات السلع
    [processes] من عمليات الإنتاج
    [purchased-precursors] من السلع الأولية المشتراة
    [source-streams] من تيارات المصادر
    [pfc-entries] من بنود مركبات الكربون المشبعة بالفلور
    [measured-sources] من مصادر الانبعاث المقيسة
    [products] من المنتجات
    [routes-per-goods-category] من المسارات لكل فئة سلع
    [included-goods-categories] من فئات السلع المشمولة لكل عملية
    [routes-per-precursor] من المسارات لكل سلعة أولية
   *[other] من البنود
}؛ والموجود { $count }.
cbam-export-not-representable = { $field }: لا يمكن كتابة «{ $value }» في النموذج.
cbam-export-stale-results = النتائج لا تخص هذه البيانات ({ $detail }). أعد الحساب قبل التصدير.
