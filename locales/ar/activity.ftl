# بيانات النشاط والاستيراد ولوحة الجرد والتفسير والمعاملات الخاصة.

nav-activity = بيانات النشاط
nav-inventory = جرد غازات الدفيئة
nav-factors = المعاملات الخاصة

action-edit = تعديل
action-delete = حذف
action-save = حفظ

dialog-import-title = اختر جدول بيانات لاستيراده
dialog-filter-spreadsheet = جداول البيانات (xlsx وcsv)

## جدول النشاط

activity-title = بيانات النشاط
activity-lead = كل فاتورة وقراءة عدّاد وبند فاتورة يُحسب منه الجرد. صفِّ القيود أو صحّحها أو أضف قيودًا هنا؛ كل تغيير يُحفظ في سجل التدقيق.
activity-add = إضافة قيد
activity-import = استيراد جدول بيانات…
activity-count = { $shown } من { $total } قيدًا
activity-empty = لا توجد بيانات نشاط بعد. أضف قيدًا أو استورد جدولًا بالفواتير.
activity-no-match = لا يطابق أي قيد هذه المرشحات.
activity-delete-confirm = حذف هذا القيد؟
activity-instruments = { $count ->
    [one] أداة تعاقدية واحدة
    [two] أداتان تعاقديتان
    [few] { $count } أدوات تعاقدية
   *[other] { $count } أداة تعاقدية
}
filter-site = الموقع
filter-year = السنة
filter-month = الشهر
filter-scope = النطاق
filter-text = بحث
filter-all = الكل
pager-prev = السابق
pager-next = التالي

col-id = المعرّف
col-site = الموقع
col-period = الفترة
col-kind = النوع
col-item = الوقود أو المادة أو الوسيلة
col-amount = الكمية
col-scope = النطاق
col-origin = المصدر
col-quality = جودة البيانات
col-actions = إجراءات

month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر
month-short-1 = يناير
month-short-2 = فبراير
month-short-3 = مارس
month-short-4 = أبريل
month-short-5 = مايو
month-short-6 = يونيو
month-short-7 = يوليو
month-short-8 = أغسطس
month-short-9 = سبتمبر
month-short-10 = أكتوبر
month-short-11 = نوفمبر
month-short-12 = ديسمبر

scope-1 = النطاق ١
scope-2 = النطاق ٢
scope-2-location = النطاق ٢ (على أساس الموقع)
scope-2-market = النطاق ٢ (على أساس السوق)
scope-3 = النطاق ٣
total-location = الإجمالي (على أساس الموقع)
total-market = الإجمالي (على أساس السوق)
intensity-location = الكثافة (على أساس الموقع)
intensity-market = الكثافة (على أساس السوق)
all-sites = كل المواقع
intensity-unit = طن مكافئ ثاني أكسيد الكربون لكل مليون { $currency }
unit-tco2e = طن مكافئ ثاني أكسيد الكربون

scope3-cat-1 = ١ · السلع والخدمات المشتراة
scope3-cat-2 = ٢ · السلع الرأسمالية
scope3-cat-3 = ٣ · الأنشطة المتعلقة بالوقود والطاقة
scope3-cat-4 = ٤ · النقل والتوزيع في المراحل الأولى
scope3-cat-5 = ٥ · النفايات الناتجة عن العمليات
scope3-cat-6 = ٦ · سفر العمل
scope3-cat-7 = ٧ · تنقّل الموظفين
scope3-cat-8 = ٨ · الأصول المستأجرة في المراحل الأولى
scope3-cat-9 = ٩ · النقل والتوزيع في المراحل اللاحقة
scope3-cat-10 = ١٠ · معالجة المنتجات المباعة
scope3-cat-11 = ١١ · استخدام المنتجات المباعة
scope3-cat-12 = ١٢ · معالجة المنتجات المباعة في نهاية عمرها
scope3-cat-13 = ١٣ · الأصول المؤجرة في المراحل اللاحقة
scope3-cat-14 = ١٤ · الامتيازات التجارية
scope3-cat-15 = ١٥ · الاستثمارات

kind-fuel-stationary = وقود يُحرق في المنشأة (ثابت)
kind-fuel-mobile = وقود يُحرق في المركبات (متنقل)
kind-process = انبعاثات العمليات
kind-refrigerant = تسرّب غازات التبريد
kind-electricity = الكهرباء المشتراة
kind-heat = الحرارة أو البخار أو التبريد المشترى
kind-purchased-goods = السلع المشتراة (النطاق ٣.١)
kind-upstream-transport = النقل الوارد (النطاق ٣.٤)
kind-waste = النفايات (النطاق ٣.٥)
kind-business-travel = سفر العمل (النطاق ٣.٦)

source-stationary-combustion = الاحتراق الثابت
source-mobile-combustion = الاحتراق المتنقل
source-process = العمليات
source-fugitive = غازات التبريد (انبعاثات متسرّبة)
source-electricity = الكهرباء
source-heat = الحرارة والبخار
source-purchased-goods = السلع المشتراة
source-upstream-transport = النقل الوارد
source-waste = النفايات
source-business-travel = سفر العمل

quality-measured = مقاسة أو من فاتورة
quality-calculated = محسوبة
quality-estimated = تقديرية

origin-manual = مُدخلة يدويًا
origin-import = مستوردة من { $file }
origin-import-row = { $file }، الصف { $row }
origin-document = مقروءة من مستند

process-carbonate = كربونات { $name }
process-oxide = أكسيد { $name }
process-material = مادة { $name }

transport-road = الطرق البرية
transport-rail = السكك الحديدية
transport-sea = النقل البحري
transport-air = الشحن الجوي
transport-inland-waterway = الممرات المائية الداخلية
travel-air = الطيران
travel-rail = القطار
travel-car = السيارة
travel-bus = الحافلة
travel-taxi = سيارة الأجرة
travel-hotel = ليالي الفندق
heat-steam = البخار
heat-hot-water = الماء الساخن
heat-cooling = التبريد
waste-treatment-landfill = الدفن
waste-treatment-incineration = الحرق
waste-treatment-recycling = إعادة التدوير
waste-treatment-composting = التسميد
waste-treatment-other = معالجة أخرى

fuel-crude-oil = النفط الخام
fuel-orimulsion = الأوريمولشن
fuel-natural-gas-liquids = سوائل الغاز الطبيعي
fuel-motor-gasoline = بنزين السيارات
fuel-kerosene-other-than-jet-kerosene = الكيروسين (غير كيروسين الطائرات)
fuel-shale-oil = زيت السجيل
fuel-gas-diesel-oil = السولار (زيت الغاز والديزل)
fuel-residual-fuel-oil = المازوت (زيت الوقود المتبقي)
fuel-liquefied-petroleum-gases = غاز البترول المسال (البوتاجاز)
fuel-ethane = الإيثان
fuel-naphtha = النافتا
fuel-bitumen = البيتومين (الأسفلت)
fuel-lubricants = زيوت التشحيم
fuel-petroleum-coke = فحم الكوك البترولي
fuel-refinery-feedstocks = لقائم التكرير
fuel-refinery-gas = غاز المصافي
fuel-paraffin-waxes = شموع البارافين
fuel-white-spirit-and-sbp = الوايت سبيريت ومذيبات النفط
fuel-other-petroleum-products = منتجات بترولية أخرى
fuel-anthracite = الأنثراسيت
fuel-coking-coal = فحم الكوك
fuel-other-bituminous-coal = فحم بيتوميني آخر
fuel-sub-bituminous-coal = الفحم شبه البيتوميني
fuel-lignite = الليغنيت
fuel-oil-shale-and-tar-sands = السجيل الزيتي والرمال القارية
fuel-patent-fuel = قوالب الفحم (الوقود المكبوس)
fuel-coke-oven-coke-and-lignite-coke = كوك الأفران وكوك الليغنيت
fuel-gas-coke = كوك الغاز
fuel-coal-tar = قطران الفحم
fuel-gas-works-gas = غاز مصانع الغاز
fuel-coke-oven-gas = غاز أفران الكوك
fuel-blast-furnace-gas = غاز الأفران العالية
fuel-oxygen-steel-furnace-gas = غاز أفران الصلب بالأكسجين
fuel-natural-gas = الغاز الطبيعي
fuel-industrial-wastes = النفايات الصناعية
fuel-waste-oils = الزيوت المستعملة
fuel-peat = الخث
fuel-waste-tyres = الإطارات المستعملة
fuel-carbon-monoxide = أول أكسيد الكربون
fuel-methane = الميثان
fuel-municipal-waste-fossil-fraction = النفايات البلدية (الجزء الأحفوري)

## نموذج القيد

entry-new-title = قيد نشاط جديد
entry-edit-title = تعديل قيد نشاط
entry-lead = فاتورة واحدة أو قراءة عدّاد أو بند فاتورة. الفترة هي التي تغطيها الفاتورة؛ والفاتورة التي تمتد على شهرين أو تتجاوز نهاية السنة تُوزَّع بحسب الأيام.
field-entry-kind = ما نوعه؟
field-entry-item = الوقود أو المادة أو الوسيلة
field-entry-treatment = طريقة المعالجة
field-entry-id = المعرّف
field-entry-site = الموقع
field-entry-quality = جودة البيانات
field-entry-from = الفترة من
field-entry-to = الفترة إلى
field-entry-basis = مُعطى بصورة
entry-basis-quantity = كمية مادية
entry-basis-spend = مبلغ مُنفق
field-entry-amount = الكمية
field-entry-unit = الوحدة
field-entry-currency = العملة
field-entry-normalisation = متر مكعب قياسي لكل متر مكعب مقاس
field-entry-normalisation-basis = الظروف (من الفاتورة)
normalisation-hint = جداول المعاملات بالمتر المكعب القياسي؛ والفاتورة تذكر معامل التحويل أو درجة حرارة العدّاد وضغطه.
field-entry-document = مستند الإثبات
field-entry-page = الصفحة
date-hint = سنة-شهر-يوم، مثل 2026-01-31.
instruments-title = الأدوات التعاقدية (على أساس السوق)
instruments-note = شهادات (I-REC وGO) أو اتفاقيات شراء الطاقة أو معدل الانبعاث الخاص بالمورّد المُطالب به لهذه الكهرباء. ويُحسب الاستهلاك غير المغطى بمزيج الشبكة المتبقي أو بمتوسط الشبكة.
instruments-add = إضافة أداة
instrument-certificate = شهادة سمات الطاقة
instrument-ppa = اتفاقية شراء الطاقة
instrument-supplier_rate = معدل خاص بالمورّد
field-instrument-kind = النوع
field-instrument-id = رقم الشهادة أو العقد
field-instrument-scheme = النظام
field-instrument-covers = الطاقة المغطاة
instrument-covers-hint = اتركه فارغًا لتغطية كل الاستهلاك غير المغطى بما سبق.
field-instrument-factor = معدل الانبعاث
instrument-factor-hint = غالبًا صفر لشهادات الطاقة المتجددة.

## الاستيراد

import-title = استيراد بيانات النشاط
import-lead = اقرأ الفواتير وقراءات العدّادات من جدول بيانات. لا يُحفظ شيء حتى تضغط «استيراد»؛ واستيراد الصفوف نفسها مرة أخرى لا يغيّر شيئًا.
import-step-file = ١. اختر الملف
import-path-placeholder = مسار ملف ‎.xlsx أو ‎.csv
import-choose = اختيار ملف…
import-read = قراءة
import-formats = مصنّفات Excel ‏(‎.xlsx، الورقة الأولى) وملفات CSV (فاصلة أو فاصلة منقوطة، UTF-8) بصف عناوين واحد.
import-step-mapping = ٢. أي عمود لأي حقل؟
import-file-summary = { $file }: { $rows } صفًا.
import-unmapped = — غير موجود في الملف —
import-field-id = معرّف الصف
import-field-site = الموقع
import-field-period-from = الفترة من
import-field-period-to = الفترة إلى
import-field-kind = النوع
import-field-quantity = الكمية
import-field-unit = الوحدة
import-field-item = الوقود أو المادة أو الوسيلة
import-field-combustion = ثابت أو متنقل
import-field-quality = جودة البيانات
import-step-preview = ٣. راجع ثم استورد
import-counts = يمكن استيراد { $valid } صفًا؛ وفي { $invalid } صفًا مشكلات وسيُستبعد.
import-problems = صفوف لن تُستورد
import-more-problems = …و{ $count } أخرى.
import-commit = استيراد { $count } صفًا
import-done-title = تم الاستيراد
import-done = { $file }: { $inserted } جديد، { $updated } محدّث، { $unchanged } بلا تغيير؛ واستُبعد { $invalid } صفًا.
import-finish = العودة إلى جدول النشاط

## الجرد

inventory-title = جرد غازات الدفيئة
inventory-lead = انبعاثات النطاقات 1 و2 و3 محسوبة من بيانات النشاط، بالطن المكافئ لثاني أكسيد الكربون (إمكانية الاحترار العالمي لمئة عام، التقرير الخامس للهيئة الحكومية الدولية). انقر أي رقم لترى مصدره.
inventory-monthly = حسب الشهر
inventory-computing = جارٍ الحساب…
inventory-no-entries = لا توجد بيانات نشاط في سنة { $year }.
inventory-problems-title = { $count ->
    [one] قيد واحد لا يمكن حسابه
    [two] قيدان لا يمكن حسابهما
    [few] { $count } قيود لا يمكن حسابها
   *[other] { $count } قيدًا لا يمكن حسابها
}
inventory-problems-note = لا يُعرض الجرد إلا إذا أمكن حساب كل قيود السنة. صحّح هذه القيود، أو أضف المعامل الذي تحتاجه في «المعاملات الخاصة».
inventory-by-scope = حسب النطاق
inventory-by-source = حسب المصدر
inventory-by-month = حسب الشهر
inventory-by-site = حسب الموقع
inventory-scope3-categories = النطاق 3 حسب الفئة
intensity-title = الانبعاثات لكل وحدة من صافي الإيرادات
quality-title = جودة البيانات
quality-primary-share = البيانات الأولية (نشاط مقاس × معامل خاص)
quality-default-lines = بنود تستخدم معاملًا افتراضيًا منشورًا
quality-lines-of = { $count } من { $total }
quality-note = حيث لم يُقدَّم معامل خاص بالمورّد استُخدم المعامل الافتراضي المنشور ووُسم البند بذلك.
flagkind-default-factor = { $count } بندًا يستخدم معاملًا افتراضيًا
flagkind-market-grid-average-fallback = { $count } بندًا على أساس السوق يرجع إلى متوسط الشبكة
flagkind-residual-mix = { $count } بندًا على أساس السوق يستخدم المزيج المتبقي
flagkind-region-fallback = { $count } بندًا يستخدم معاملًا لمنطقة أخرى
flagkind-factor-outside-validity = { $count } بندًا يستخدم معاملًا خارج فترة سريانه
flagkind-gwp-basis-mismatch = { $count } بندًا يستخدم معاملًا على أساس احترار مختلف
flagkind-co2-only = { $count } بند احتراق يحسب ثاني أكسيد الكربون فقط
flagkind-apportioned = { $count } بندًا موزّعًا بحسب الأيام

explain-open = من أين جاء هذا الرقم؟
explain-trail = الطريق إلى هذا الرقم
explain-close = إغلاق
explain-line = القيد { $entry }
explain-formula = المعادلة
explain-primary-share = البيانات الأولية: { $share }
explain-flags = ما يجب معرفته
explain-entries = بيانات النشاط
explain-evidence = الإثبات: { $doc }
explain-evidence-page = الإثبات: { $doc }، الصفحة { $page }
explain-factors = المعاملات
explain-children = يتكوّن من
explain-flagged = موسوم
explain-more-children = …و{ $count } بندًا أصغر.

flag-default-factor = معامل افتراضي منشور { $factor } (لم يُقدَّم معامل خاص بالمورّد).
flag-market-grid-fallback = لم يكن لـ{ $energy } أداة ولا معدل مورّد ولا مزيج متبقٍ: استُخدم متوسط الشبكة { $factor }.
flag-residual-mix = استُخدم المزيج المتبقي { $factor } للاستهلاك غير المغطى بأدوات.
flag-region-fallback = المعامل { $factor } خاص بـ{ $used } وليس بـ{ $requested }.
flag-outside-validity = المعامل { $factor } غير سارٍ في هذه الفترة؛ استُخدم الأقرب زمنيًا.
flag-gwp-mismatch = المعامل { $factor } مكافئ ثاني أكسيد الكربون على أساس احترار آخر ({ $basis }).
flag-co2-only = المعامل { $factor } يحسب ثاني أكسيد الكربون فقط؛ لا يشمل الميثان وأكسيد النيتروز الناتجين عن الاحتراق.
flag-apportioned = يقع { $days } من أيام الفاتورة البالغة { $of } يومًا في هذه الفترة؛ وحُسبت بالتناسب.

## المعاملات الخاصة

factors-title = المعاملات الخاصة
factors-lead = معاملات من مورّديك أو من قياساتك: البصمة الكربونية لمنتج، والقيمة الحرارية المطبوعة على فاتورة الغاز، ومعامل شركة الشحن لكل طن-كيلومتر، ومعاملات الإنفاق. تُستخدم قبل المعاملات الافتراضية المنشورة وتُعد بيانات أولية. وتغيير أحدها يحتفظ بالإصدار القديم للتقارير التي استخدمته.
factors-add = إضافة معامل
factors-add-spend = إضافة معامل إنفاق
factors-rows = المعاملات
factors-empty = لا توجد معاملات خاصة بعد. قيود النطاق 3 تحتاج إليها (لا يتضمن أثر معاملات افتراضية للنطاق 3).
factors-spend = معاملات الإنفاق
factors-spend-empty = لا توجد معاملات إنفاق بعد.
factors-form = معامل
factors-spend-form = معامل إنفاق (كتلة مكافئ ثاني أكسيد الكربون لكل وحدة عملة)
field-factor-id = المعرّف
field-factor-activity = ينطبق على
factor-activity-hint = النوع:الاسم، مثل material:steel-sheet أو transport:road أو waste:paper:recycling أو fuel:natural-gas.
field-factor-region = المنطقة
factor-region-hint = رمز الدولة وفق ISO ‏(EG) أو WORLD.
field-factor-parameter = المعلَمة
factor-parameter-ef = معامل الانبعاث
factor-parameter-ncv = صافي القيمة الحرارية
field-factor-value = القيمة
field-factor-unit = الوحدة
factor-unit-hint = مثل tCO2e/t أو kgCO2e/t.km أو GJ/Nm3.
field-factor-currency = لكل وحدة من
factor-spend-hint = القيمة بالكيلوغرام من مكافئ ثاني أكسيد الكربون لكل وحدة واحدة من هذه العملة.
field-factor-gwp = أساس الاحترار العالمي
gwp-ar5 = التقرير الخامس للهيئة الحكومية الدولية
gwp-ar6 = التقرير السادس للهيئة الحكومية الدولية
gwp-unstated = لم يذكره المصدر
field-factor-source = المصدر
field-factor-source-ref = الموضع في المصدر
field-factor-notes = ملاحظات

## الأخطاء

entry-err-duplicate-id = قيد آخر يحمل المعرّف نفسه.
entry-err-invalid-period = الفترة { $from } – { $to } تنتهي قبل أن تبدأ.
entry-err-outside-period = الفترة { $from } – { $to } لا تتقاطع مع سنة الجرد.
entry-err-negative = لا يمكن أن تكون الكمية سالبة.
entry-err-unit-not-accepted = لا يمكن إعطاء قيد من نوع { $activity } بوحدة { $unit }؛ استخدم { $expected }.
entry-err-spend-not-accepted = لا يمكن إعطاء قيد من نوع { $activity } كمبلغ مُنفق.
entry-err-no-conversion = لا يوجد معامل يحوّل { $unit } من { $activity } في { $region }: { $hint }
entry-err-factor-not-found = لا يوجد معامل { $parameter } لـ{ $activity } في { $region }. أضفه في «المعاملات الخاصة».
entry-err-ambiguous-factor = تتطابق عدة معاملات ({ $ids })؛ ولن يختار أثر واحدًا منها. حدّد المعامل المطلوب.
entry-err-pinned-not-found = المعامل المختار { $id }@{ $version } لم يعد موجودًا.
entry-err-factor-unit = لا يمكن للمعامل { $factor } ‏({ $unit }) أن يعطي مكافئ ثاني أكسيد الكربون: { $reason }
entry-err-currency = المبلغ بعملة { $currency } لكن المعامل { $factor } لكل { $factor_currency }؛ حوّل المبلغ أولًا.
entry-err-instrument = الأداة { $instrument }: { $reason }
entry-err-instruments-exceed = تغطي الأدوات { $covered } بينما الاستهلاك { $consumption } فقط.
entry-err-overflow = الأرقام أكبر من أن تُحسب.
entry-err-quantity = { $detail }
error-inventory-revenue = يجب أن يكون صافي الإيرادات في الملف التعريفي موجبًا لحساب الكثافة.
error-factor-id-taken = معامل آخر يحمل المعرّف { $id } بالفعل.
error-factor-not-found = لا يوجد معامل بالمعرّف { $id }.
