# آلية تعديل حدود الكربون (CBAM) في التطبيق: الجلسة، وملخص PDF، وحزمة البريد، وسطر الأوامر، وتبويب CBAM.

## Errors
cbam-error-installation-not-found = لا توجد منشأة { $id } في ملف الشركة هذا.
cbam-error-no-installation = لا يحتوي ملف الشركة هذا على منشأة CBAM بعد. استورد نموذج الإبلاغ أو أدخل بيانات منشأة في تبويب CBAM.
cbam-error-no-template = لا تتضمن هذه النسخة من أثر نموذج الإبلاغ الفارغ. اختر الملف الذي نزّلته من موقع المفوضية الأوروبية من الإعدادات ← النماذج.
cbam-error-customer-unknown = لا يوجد عميل باسم «{ $name }» في الملف التعريفي.
cbam-error-out-dir = المجلد { $path } غير موجود.
cbam-error-node-not-found = لا توجد نتيجة { $id } لهذه المنشأة.
cbam-skip-not-eu = ليس في الاتحاد الأوروبي، فليس مستوردًا لسلع CBAM
cbam-skip-no-email = لا يوجد بريد إلكتروني في الملف التعريفي؛ كُتب الملخص دون مسودة بريد

## Export progress
cbam-progress-computed = حُسبت الانبعاثات المضمنة لـ { $file }
cbam-progress-file = كُتب: { $file }
cbam-progress-skipped = لا مسودة بريد لـ { $file }

## File names (without extension)
cbam-file-workbook = نموذج CBAM { $installation } { $year }
cbam-file-summary = ملخص الانبعاثات المضمنة { $installation } { $year }
cbam-file-summary-for = ملخص الانبعاثات المضمنة { $installation } { $year } إلى { $customer }
cbam-file-package = CBAM { $installation } { $year } إلى { $customer }

## Email draft to an EU customer
cbam-mail-subject = الانبعاثات المضمنة وفق CBAM لعام { $year }: { $installation }
cbam-mail-body =
    السادة { $customer }،

    تجدون مرفقًا الانبعاثات المضمنة في السلع التي نوردها إليكم من { $installation } لعام { $year }:

    - نموذج الإبلاغ الخاص بالمنشآت الصادر عن المفوضية الأوروبية مستوفًى ({ $products } منتجات)؛
    - ملخص الانبعاثات المضمنة النوعية لكل سلعة، مع حصة القيم الافتراضية ومصدر معامل انبعاث الكهرباء.

    حُسبت القيم وفق اللائحة التنفيذية (الاتحاد الأوروبي) ٢٠٢٥/٢٥٤٧، الملحق الثالث. يُرجى التواصل معنا إن احتجتم إلى البيانات الأساسية أو تقرير التحقق.

    مع خالص التحية،
    { $contact }
    { $company }

## PDF "Embedded emissions summary"
cbam-pdf-title = ملخص الانبعاثات المضمنة
cbam-pdf-subtitle = { $company }
cbam-pdf-subtitle-for = { $company } — إلى { $customer }
cbam-pdf-header = أثر · الانبعاثات المضمنة وفق CBAM · { $installation }
cbam-pdf-footer = محسوبة وفق اللائحة التنفيذية (الاتحاد الأوروبي) { $regulation }، الملحق الثالث.
cbam-pdf-installation = المنشأة
cbam-pdf-operator = المشغّل
cbam-pdf-address = العنوان
cbam-pdf-unlocode = رمز UN/LOCODE
cbam-pdf-coordinates = مصدر الانبعاث الرئيسي (خط العرض، خط الطول)
cbam-pdf-period = فترة الإبلاغ
cbam-pdf-period-value = من { $start } إلى { $end }
cbam-pdf-verifier = جهة التحقق
cbam-pdf-contact = جهة الاتصال
cbam-pdf-importer = المستورد
cbam-pdf-see-heading = الانبعاثات المضمنة النوعية لكل سلعة
cbam-pdf-see-note = القيم بالطن من مكافئ ثاني أكسيد الكربون لكل طن من السلعة ({ $unit }). تُحسب الانبعاثات المباشرة وغير المباشرة كلٌّ على حدة، ويبيّن العمود الأخير حصة الإجمالي القائمة على القيم الافتراضية.
cbam-pdf-col-cn = رمز التعريفة
cbam-pdf-col-good = السلعة
cbam-pdf-col-method = الطريقة
cbam-pdf-col-direct = مباشرة
cbam-pdf-col-indirect = غير مباشرة
cbam-pdf-col-total = الإجمالي
cbam-pdf-col-default-share = حصة القيم الافتراضية
cbam-pdf-unit-per-mwh = قيم الكهرباء لكل ميغاواط ساعة ({ $unit }).
cbam-pdf-indirect-not-counted = في الحديد والصلب والألومنيوم والهيدروجين يُبلَّغ عن الانبعاثات غير المباشرة لكنها لا تُحتسب في شهادات CBAM.
cbam-pdf-chart-title = الانبعاثات المضمنة النوعية (الإجمالي)
cbam-pdf-electricity-heading = الكهرباء
cbam-pdf-col-electricity = الكهرباء المضمنة (ميغاواط ساعة/طن)
cbam-pdf-col-ef-source = مصدر معامل الانبعاث
cbam-pdf-processes-heading = الكهرباء المستهلكة في عمليات الإنتاج
cbam-pdf-col-process = عملية الإنتاج
cbam-pdf-col-consumed = المستهلك (ميغاواط ساعة)
cbam-pdf-col-ef = معامل الانبعاث (طن مكافئ ثاني أكسيد الكربون/ميغاواط ساعة)
cbam-pdf-defaults-heading = المقارنة بالقيم الافتراضية
cbam-pdf-defaults-note = ما كانت ستُحتسب به كل سلعة بالقيمة الافتراضية في اللائحة ٢٠٢٥/٢٦٢١ لـ { $country } في { $year } شاملةً الزيادة ({ $markup })، مقابل القيمة الفعلية. لا تُقارن إلا الانبعاثات التي تستلزم شهادات CBAM.
cbam-pdf-col-actual = فعلية
cbam-pdf-col-default = افتراضية مع الزيادة
cbam-pdf-col-difference = الفرق
cbam-pdf-col-cost-actual = الشهادات، فعلية (يورو/طن)
cbam-pdf-col-cost-default = الشهادات، افتراضية (يورو/طن)
cbam-pdf-chargeable-note = الانبعاثات التي تستلزم شهادات: الانبعاثات المباشرة، مضافًا إليها غير المباشرة للإسمنت والأسمدة (اللائحة (الاتحاد الأوروبي) ٢٠٢٣/٩٥٦، الملحق الثاني).
cbam-pdf-price-note = تكلفة الشهادات بسعر كربون أوروبي قدره { $price }، قبل أي تعديل للتخصيص المجاني وقبل أي سعر كربون مدفوع في بلد الإنتاج.
cbam-pdf-no-price = لم يُدخل سعر للكربون في الاتحاد الأوروبي، فلا تظهر تكلفة الشهادات.
cbam-pdf-method-note = حسب أثر هذه القيم من بيانات الرصد في المنشأة بالمعادلات من ٥٥ إلى ٦٦ في الملحق الثالث من اللائحة التنفيذية (الاتحاد الأوروبي) ٢٠٢٥/٢٥٤٧: الانبعاثات المباشرة وغير المباشرة كلٌّ على حدة، مع تصحيحات الحرارة القابلة للقياس والغازات المهدرة والكهرباء المصدَّرة، ومع الانبعاثات المضمنة في السلائف. ويمكن تتبع كل قيمة إلى تيارات المصادر ومعاملات الانبعاث والمستندات في ملف الشركة.

## Methods and electricity emission factor sources
cbam-method-actual = قيم فعلية
cbam-method-mixed = قيم فعلية وافتراضية
cbam-method-default = قيم افتراضية
cbam-ef-source-d4a = معامل انبعاث تقدمه المفوضية (بيانات الوكالة الدولية للطاقة)
cbam-ef-source-d4b = بيانات عامة أخرى: متوسط الشبكة أو معامل انبعاث ثاني أكسيد الكربون
cbam-ef-source-d41 = مُنتجة في المنشأة بغير التوليد المشترك
cbam-ef-source-d42 = مُنتجة في المنشأة بالتوليد المشترك
cbam-ef-source-d431 = مستلمة عبر توصيل فني مباشر
cbam-ef-source-d432 = مشتراة بموجب اتفاقية شراء طاقة
cbam-ef-source-mix = مزيج، لا يغلب عليه مصدر واحد
cbam-ef-source-none = غير مذكور

## Command line (athar cbam …)
cli-cbam-imported = استُورد { $file } (النموذج { $version }) بوصفه المنشأة { $id } «{ $installation }»: { $products } من المنتجات ({ $change }).
cli-cbam-installation = { $installation }، من { $start } إلى { $end }
cli-cbam-product = { $cn } { $name }: الانبعاثات المضمنة المحددة المباشرة { $direct }، وغير المباشرة { $indirect }، والإجمالية { $total } طن مكافئ ثاني أكسيد الكربون لكل طن
cli-cbam-totals = المنشأة: مباشرة { $direct }، وغير مباشرة { $indirect }، وإجمالية { $total } طن مكافئ ثاني أكسيد الكربون
cli-cbam-discrepancy = { $cell } ({ $what }): في النموذج { $theirs }، وبعد إعادة الحساب { $ours }
cli-cbam-discrepancies = { $file }: { $count } من قيم الملخص تخالف إعادة الحساب.
cli-cbam-written = كُتب: { $path }
cli-cbam-skipped = { $customer }: { $reason }

## File dialogs
cbam-dialog-workbook = اختر نموذج الإبلاغ الخاص بآلية CBAM
cbam-dialog-filter-xlsx = مصنف Excel
cbam-dialog-folder = اختر مجلد تصدير CBAM

## The CBAM tab
nav-cbam = آلية CBAM
cbam-ui-title = الانبعاثات المضمنة وفق آلية CBAM
cbam-ui-lead = منشآتك، والانبعاثات المضمنة المحددة لكل سلعة تصدّرها إلى الاتحاد الأوروبي مقارنةً بالقيم الافتراضية، والحزمة التي ترسلها إلى مستورديك في الاتحاد.
cbam-ui-tab-results = المنشآت والسلع
cbam-ui-tab-import = استيراد نموذج
cbam-ui-tab-check = فحص نموذج مورّد
cbam-ui-tab-export = التصدير للمستوردين
cbam-ui-installations = المنشآت
cbam-ui-loading = جارٍ التحميل…
cbam-ui-no-installations = لا توجد منشأة بعد. استورد نموذج الإبلاغ الصادر عن المفوضية الأوروبية بعد ملئه لمنشأتك.
cbam-ui-go-import = استيراد نموذج
cbam-ui-col-installation = المنشأة
cbam-ui-col-period = فترة الإبلاغ
cbam-ui-col-source = المصدر
cbam-ui-period = من { $start } إلى { $end }
cbam-ui-source-manual = أُدخلت في أثر
cbam-ui-show = عرض
cbam-ui-about = { $city }، { $country } · من { $start } إلى { $end }
cbam-ui-incomplete = بيانات المنشأة ناقصة، فلا يمكن الحساب بعد:
cbam-ui-goods = السلع
cbam-ui-col-process = عملية الإنتاج
cbam-ui-explain = شرح
cbam-ui-unit-note = الانبعاثات المضمنة المحددة بالطن من مكافئ ثاني أكسيد الكربون لكل طن من السلعة (لكل ميغاواط ساعة للكهرباء)، بثلاث خانات عشرية كما يعرضها النموذج.
cbam-ui-total-direct = المنشأة، الانبعاثات المباشرة
cbam-ui-total-indirect = المنشأة، الانبعاثات غير المباشرة
cbam-ui-total = المنشأة، الإجمالي
cbam-ui-price = سعر الكربون في الاتحاد الأوروبي
cbam-ui-price-save = حفظ السعر
cbam-ui-price-invalid = أدخل السعر رقمًا، مثل ٧٥٫٥٠.
cbam-ui-defaults-note = القيم الافتراضية وفق اللائحة التنفيذية 2025/2621 لـ{ $country } في عام { $year }، شاملةً الزيادة بنسبة { $markup }؛ وتكلفة الشهادات لكل طن من السلعة، قبل التخصيص المجاني وقبل أي سعر كربون مدفوع في بلد الإنتاج.
cbam-ui-col-actual = الفعلية (طن مكافئ ثاني أكسيد الكربون/طن)
cbam-ui-col-default = الافتراضية مع الزيادة
cbam-ui-no-price = أدخل سعر الكربون في الاتحاد الأوروبي لترى تكلفة الشهادات لكل طن بالقيم الفعلية وبالقيم الافتراضية.
cbam-ui-explain-inputs = البيانات المستخدمة
cbam-ui-explain-factors = المعاملات
cbam-ui-explain-evidence = المستندات
cbam-ui-explain-children = محسوبة من
cbam-ui-evidence = المستند { $id }
cbam-ui-evidence-page = المستند { $id }، الصفحة { $page }

## Import, check, export
cbam-ui-path-placeholder = مسار المصنف (.xlsx)
cbam-ui-folder-placeholder = مجلد الملفات
cbam-ui-browse = استعراض…
cbam-ui-col-cell = الخلية
cbam-ui-col-problem = المشكلة
cbam-ui-import-title = استيراد نموذج الإبلاغ
cbam-ui-import-note = نموذج الإبلاغ الخاص بالمنشآت الصادر عن المفوضية الأوروبية (الإصدار ٢٫١ أو ٢٫١٫١) بعد ملئه. يقرأ أثر كل أوراق الإدخال ويعيد حساب الملخص بنفسه. إذا كانت أي خلية خاطئة فلا يُستورد شيء، وتُعرض كل المشكلات.
cbam-ui-import-run = استيراد
cbam-ui-importing = جارٍ قراءة المصنف وإعادة حسابه…
cbam-ui-imported = { $file } (النموذج { $version }): «{ $installation }» بعدد { $products } من السلع { $change ->
    [created] أُضيفت.
    [updated] حلّت محل الاستيراد السابق للمنشأة نفسها والفترة نفسها.
   *[unchanged] موجودة في ملف الشركة بالفعل؛ لم يتغير شيء.
}
cbam-ui-show-results = عرض النتائج
cbam-ui-rejected = لم يُستورد { $file }: في { $count } من الخلايا مشكلات.
cbam-ui-check-title = فحص نموذج مورّد
cbam-ui-check-note = افتح نموذج إبلاغ تلقيته من مورّد للسلائف. يعيد أثر حسابه ويعرض كل قيمة في الملخص تخالف إعادة الحساب. لا يُحفظ شيء.
cbam-ui-check-run = فحص
cbam-ui-checking = جارٍ إعادة حساب مصنف المورّد…
cbam-ui-checked = { $file } (النموذج { $version })، «{ $installation }»: { $count ->
    [0] كل قيم الملخص توافق إعادة الحساب.
   *[other] { $count } من قيم الملخص تخالف إعادة الحساب.
}
cbam-ui-discrepancies = القيم المخالفة
cbam-ui-col-what = النتيجة
cbam-ui-col-theirs = في النموذج
cbam-ui-col-ours = بعد إعادة الحساب
cbam-ui-check-rejected = تعذّر فحص { $file }: في { $count } من الخلايا مشكلات.
cbam-ui-file-workbook = نموذج الإبلاغ
cbam-ui-file-summary = ملخص PDF
cbam-ui-file-email = مسودة بريد
cbam-ui-file-archive = ملف مضغوط
cbam-ui-export-title = التصدير لمستوردي الاتحاد الأوروبي
cbam-ui-export-note = يكتب مصنف المفوضية بعد ملئه، وملخص PDF لكل عميل في الاتحاد الأوروبي، ولكل عميل له بريد إلكتروني مسودة بريد مرفقًا بها الملفان وملفًا مضغوطًا بالملفات نفسها. لا يُستبدل أي ملف موجود في المجلد.
cbam-ui-export-for = المنشأة: { $installation }
cbam-ui-export-none = اختر منشأة أولًا من «المنشآت والسلع».
cbam-ui-export-lang = لغة الملخص والبريد
cbam-ui-lang-en = الإنجليزية
cbam-ui-lang-ar = العربية
cbam-ui-export-customer = العميل
cbam-ui-export-all-customers = كل العملاء في الاتحاد الأوروبي
cbam-ui-customer-not-eu = { $name } (خارج الاتحاد الأوروبي)
cbam-ui-export-run = تصدير
cbam-ui-exporting = جارٍ الحساب وكتابة الملفات…
cbam-ui-export-step = الخطوة { $done } من { $total }
cbam-ui-exported = كُتب { $count } من الملفات في { $seconds } ثانية.
cbam-ui-col-file-kind = النوع
cbam-ui-col-file = الملف
cbam-ui-col-customer = إلى

## Settings → templates
settings-cbam-template-title = نموذج الإبلاغ الخاص بآلية CBAM
settings-cbam-template-note = يملأ تصدير CBAM نموذج الإبلاغ الخاص بالمنشآت الصادر عن المفوضية الأوروبية. في أثر نسخة مدمجة منه؛ وإذا نشرت المفوضية إصدارًا أحدث فاختر هنا الملف الذي نزّلته من موقع المفوضية.
