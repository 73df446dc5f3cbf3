# تقرير الاستدامة (VSME) في التطبيق: النماذج والإعدادات والاستيراد والتصدير وملف PDF والبريد.

## Checks of typed facts and settings
vsme-error-dimension = هذا التفصيل ({ $axis }) لا ينتمي إلى نقطة البيانات هذه.
vsme-error-option = اختر أحد الخيارات المعروضة.
vsme-error-unit = اختر إحدى الوحدات المعروضة.
vsme-error-base-year-first = حدّد أولاً سنة الأساس لهدف خفض انبعاثات غازات الدفيئة (إعدادات التقرير).
vsme-error-target-year-first = حدّد أولاً السنة المستهدفة لهدف خفض انبعاثات غازات الدفيئة (إعدادات التقرير).
vsme-error-computed = يحسب أثر هذا الرقم من بيانات النشاط؛ استبدله بتعديل مع ذكر السبب بدلاً من ذلك.
vsme-error-target-after-base = يجب أن تأتي السنة المستهدفة بعد سنة الأساس.
vsme-error-reduction-range = أدخل نسبة خفض من ٠ إلى ١٠٠٪.
vsme-error-unknown-group = { $group } ليس من أسئلة نموذج VSME.
v-vsme-year = أدخل سنة مثل ٢٠٢٦.
vsme-note-turnover-currency = رقم الأعمال في الملف التعريفي بعملة { $found } والتقرير بعملة { $expected }: لا يُدرج رقم الأعمال في التقرير.
vsme-note-fact-currency = { $concept } بعملة { $found } والتقرير بعملة { $expected }: لا يُدرج هذا الرقم. أدخله مجدداً بعملة { $expected }.

## Template files and exports
vsme-error-template-unreadable = تعذّرت قراءة { $path }: { $detail }
vsme-error-folder = المجلد { $path } غير موجود.
vsme-error-no-customer = لا يوجد في الملف التعريفي عميل باسم «{ $name }».
vsme-error-write = تعذّرت كتابة المصنف: { $detail }

## The ESRS E1 workbook
vsme-e1-sheet-title = عرض ESRS E1 لتقرير VSME
vsme-e1-col-disclosure = الإفصاح
vsme-e1-col-sources = المصدر
vsme-e1-sheet-note = الأرقام نفسها الواردة في تقرير VSME (التصنيف { $taxonomy })، على بنود ESRS E1-5 وE1-6.

## The PDF report
vsme-pdf-title = تقرير الاستدامة (VSME)
vsme-pdf-subtitle = { $company } · سنة التقرير { $year }
vsme-pdf-running-header = أثر · تقرير الاستدامة وفق VSME · { $company }
vsme-pdf-footer = أُعدّ باستخدام أثر وفق معيار EFRAG الطوعي لتقارير الاستدامة (VSME)، التصنيف { $taxonomy }.
vsme-pdf-period-range = من { $start } إلى { $end }
vsme-pdf-none = غير مذكور
vsme-pdf-complete = مكتمل: أُبلغ عن كل نقاط البيانات الواجب الإبلاغ عنها.
vsme-pdf-incomplete = غير مكتمل: تنقص { $missing } من نقاط البيانات المطلوبة، و{ $questions } من الأسئلة بلا إجابة.
vsme-pdf-company = الشركة
vsme-pdf-identifier = المعرِّف
vsme-pdf-currency = العملة
vsme-pdf-taxonomy = التصنيف
vsme-pdf-prepared = تاريخ الإعداد
vsme-pdf-status = الحالة
vsme-pdf-intro = يتبع هذا التقرير الوحدة الأساسية من معيار VSME، والوحدة الشاملة حيث أُبلغ عنها. تُحسب أرقام الطاقة وغازات الدفيئة من بيانات نشاط الشركة؛ والرقم المعلَّم بـ * استبدله شخص، مع ذكر السبب تحت «المصادر».
vsme-pdf-key-figures = الأرقام الرئيسية
vsme-pdf-chart-ghg = انبعاثات غازات الدفيئة حسب النطاق
vsme-pdf-chart-energy = استهلاك الطاقة حسب المصدر
vsme-pdf-e1-heading = الأرقام نفسها وفق مصطلحات ESRS E1
vsme-pdf-e1-intro = للعملاء الذين يُعدّون تقاريرهم وفق معايير ESRS: أرقام VSME على بنود ESRS E1-5 (الطاقة) وE1-6 (انبعاثات غازات الدفيئة)، مع المفهوم المقابل في ESRS لكل بند.
vsme-pdf-col-line = البند
vsme-pdf-col-concept = مفهوم ESRS
vsme-pdf-col-value = القيمة
vsme-pdf-col-unit = الوحدة
vsme-pdf-not-reported = غير مُبلَّغ عنه
vsme-pdf-sources = المصادر
vsme-pdf-source-inventory = أرقام الطاقة وغازات الدفيئة: جرد أثر لغازات الدفيئة لسنة { $year } (بروتوكول غازات الدفيئة، قدرة الاحترار العالمي لمئة عام وفق التقرير الخامس للهيئة الحكومية الدولية)، من فواتير الشركة وبيانات نشاطها؛ ويمكن تتبع كل رقم إلى قيوده ومعاملات انبعاثه.
vsme-pdf-source-template = أرقام مستوردة من { $file } (نموذج EFRAG الرقمي لمعيار VSME، الإصدار { $version }).
vsme-pdf-source-override = { $label }: استُبدل الرقم المحسوب { $computed } بالرقم { $value }. السبب: { $reason }

## Email to a customer
vsme-mail-subject = { $company }: تقرير الاستدامة (VSME) لسنة { $year }
vsme-mail-body =
    السادة { $customer }،

    تجدون مرفقاً تقرير الاستدامة لسنة { $year } وفق معيار VSME: نموذج EFRAG الرقمي، والتقرير بصيغة PDF، وملف XBRL المضمّن، وعرض ESRS E1.

    مع خالص التحية،
    { $company }

## The command line (athar vsme)
cli-vsme-imported = استُورد { $file }: { $facts } من الحقائق ({ $inserted } جديدة، { $updated } معدّلة، { $removed } محذوفة).
cli-vsme-fact = { $key } = { $value } { $unit }
cli-vsme-written = كُتب: { $path }
cli-vsme-export-failed = تعذّرت كتابة { $count } من ملفات التصدير؛ أولها: { $first }.
cli-vsme-lang = «{ $lang }» ليست من لغات أثر: استخدم en أو ar.
cli-vsme-setting = { $name }: { $value }

## The report screen
nav-vsme = تقرير الاستدامة (VSME)
vsme-title = تقرير الاستدامة (VSME)
vsme-lead = التقرير الذي يطلبه العملاء في الاتحاد الأوروبي من مورّديهم: معيار EFRAG الطوعي لتقارير الاستدامة. تأتي أرقام الطاقة وغازات الدفيئة من بيانات نشاطك، وتُدخل الباقي هنا أو تستورده من نموذج EFRAG.
vsme-loading = جارٍ تحميل التقرير…
vsme-tab-report = التقرير
vsme-tab-completeness = الاكتمال
vsme-tab-e1 = عرض ESRS E1
vsme-tab-details = بيانات التقرير
vsme-tab-import = استيراد نموذج
vsme-tab-export = تصدير
vsme-period = من { $start } إلى { $end }
vsme-complete = مكتمل
vsme-incomplete = تنقص { $missing } من نقاط البيانات المطلوبة · { $questions } من الأسئلة مفتوحة
vsme-from-inventory = تُحسب أرقام الطاقة وغازات الدفيئة من بيانات نشاط سنة { $year }.
vsme-no-inventory = لا توجد بيانات نشاط لسنة التقرير: لا يمكن حساب أرقام الطاقة وغازات الدفيئة بعد.
vsme-imported-from = مستورد من { $file }.
vsme-source-profile = من الملف التعريفي
vsme-source-inventory = محسوب
vsme-source-user = مُدخل يدوياً
vsme-source-template = مستورد
vsme-source-override = مستبدَل
vsme-replaces-profile = (بدلاً من قيمة الملف التعريفي)
vsme-always = مطلوب
vsme-if-applicable = إن انطبق
vsme-may = اختياري
vsme-basis-title = ما يغطيه التقرير
vsme-basis-basic = الوحدة الأساسية فقط
vsme-basis-comprehensive = الوحدتان الأساسية والشاملة
vsme-module = الوحدة
vsme-module-general = معلومات عامة وأخرى
vsme-module-name = الوحدة { $module }
vsme-basic-only-note = يغطي التقرير الوحدة الأساسية فقط: لا تُطلب نقاط بيانات الوحدة الشاملة.
vsme-choose = اختر…
vsme-unit = الوحدة
vsme-search = بحث
vsme-add-option = إضافة…
vsme-add-row = إضافة صف
vsme-computed-none = يُحسب من بيانات النشاط: لا توجد بيانات لهذه السنة بعد.
vsme-explain = شرح
vsme-results-sum = مجموع { $count } من أرقام الجرد؛ اشرح كلًّا منها
vsme-override = استبدال…
vsme-override-value = الرقم الجديد
vsme-override-reason = السبب (يُسجَّل في سجل التدقيق)
vsme-overridden = يحل محل الرقم المحسوب { $computed }. السبب: { $reason }
vsme-override-clear = استخدام الرقم المحسوب
vsme-set-aside = لا يُدرج الرقم المخزَّن { $value } لأن أثر يحسب نقطة البيانات هذه.
vsme-adopt = استخدامه بدلاً منه…
vsme-adopt-reason = رقم من النموذج المستورد
vsme-saved = حُفظ.

## Completeness
vsme-questions-title = أسئلة تنتظر إجابة
vsme-questions-note = لكل جزء من المعيار موسوم بـ«إن انطبق»، حدّد هل ينطبق على شركتك. إن انطبق، وجب الإبلاغ عن نقاط بياناته.
vsme-questions-none = أُجيب عن كل الأسئلة.
vsme-answered = أسئلة مُجاب عنها
vsme-answer-change = تغيير
vsme-missing-always = نقاط بيانات مطلوبة ما زالت ناقصة: { $count }
vsme-missing-applicable = نقاط بيانات ناقصة في أجزاء تنطبق: { $count }

## Report details
vsme-details-title = بيانات التقرير
vsme-details-note = ما تشترك فيه كل أرقام التقرير. الحقول الفارغة تأخذ قيم الملف التعريفي: الاسم القانوني وسنة التقرير وعملة رقم الأعمال.
vsme-field-entity-name = الاسم في التقرير
vsme-field-entity-name-hint = فارغ: الاسم القانوني في الملف التعريفي.
vsme-field-scheme = نظام المعرِّف
vsme-field-identifier = معرِّف الشركة (من أجل XBRL)
vsme-field-currency = عملة التقرير
vsme-field-period-start = فترة التقرير من
vsme-field-period-end = إلى
vsme-field-date-hint = بصيغة سنة-شهر-يوم، مثل 2026-01-01.
vsme-target-title = هدف خفض انبعاثات غازات الدفيئة (C3)
vsme-target-note = تأتي أرقام سنة الأساس من بيانات نشاط تلك السنة؛ وأرقام السنة المستهدفة هي أرقام سنة الأساس بعد الخفض المذكور أدناه.
vsme-field-base-year = سنة الأساس
vsme-field-target-year = السنة المستهدفة
vsme-field-scope12 = خفض النطاقين ١ و٢ (٪)
vsme-field-scope3 = خفض النطاق ٣ (٪)

## Import
vsme-import-title = استيراد نموذج EFRAG الرقمي
vsme-import-note = نموذج VSME الرقمي (الإصدارات من 1.0.0 إلى 1.3.0) ملأته أنت أو غيرك. تُخزَّن أرقامه في ملف الشركة كلها أو لا شيء منها؛ وتبقى الأرقام التي يحسبها أثر من بيانات النشاط، وتُعرض أرقام النموذج بجانبها.
vsme-path-placeholder = مسار ملف ‎.xlsx
vsme-browse = استعراض…
vsme-import-run = استيراد
vsme-importing = جارٍ قراءة النموذج…
vsme-import-done = استُورد { $file } (الإصدار { $version }): { $facts } من الأرقام، { $inserted } جديدة، { $updated } معدّلة، { $removed } محذوفة.
vsme-dialog-workbook = اختر مصنف VSME من EFRAG
vsme-dialog-filter-xlsx = مصنفات Excel
vsme-dialog-folder = اختر مجلد ملفات التقرير

## Export
vsme-export-title = تصدير التقرير
vsme-export-note = تُكتب الملفات في المجلد أدناه؛ ولا يُستبدل أي ملف موجود فيه.
vsme-export-lang = لغة ملف PDF وصفحة XBRL المضمّن ورسائل البريد
vsme-export-template = نموذج EFRAG الرقمي (‎.xlsx)
vsme-export-e1 = عرض ESRS E1 (‎.xlsx)
vsme-export-pdf = التقرير (PDF)
vsme-export-xbrl = XBRL المضمّن (‎.xhtml)
vsme-export-mail = مسودة بريد وملف مضغوط إلى
vsme-export-customers = حزم البريد لعملاء الاتحاد الأوروبي
vsme-export-no-customers = لا يوجد عميل من الاتحاد الأوروبي في الملف التعريفي.
vsme-export-run = تصدير
vsme-export-progress = اكتمل { $done } من { $total }
vsme-export-pending = في الانتظار…

## Settings
nav-settings = الإعدادات
settings-title = الإعدادات
settings-lead = إعدادات أثر على هذا الحاسوب.
settings-vsme-template-title = نموذج VSME من EFRAG
settings-vsme-template-note = المصنف الفارغ الذي يملؤه التصدير. يأتي أثر مع نموذج EFRAG؛ وحين تنشر EFRAG نموذجاً أحدث، اختره هنا.
settings-template-built-in = المدمج في أثر
settings-template-chosen = الملف المختار
settings-template-in-use = المستخدم في التصدير
settings-template-version = الإصدار { $version }
settings-template-no-version = الإصدار غير مذكور
settings-template-none = لا يوجد
settings-template-none-chosen = لا يوجد: يُستخدم النموذج المدمج.
settings-template-in-use-file = الملف المختار (الإصدار { $version })
settings-template-in-use-built-in = النموذج المدمج (الإصدار { $version })
settings-template-reset = استخدام النموذج المدمج
settings-template-use = استخدام هذا الملف
