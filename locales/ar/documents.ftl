# Documents messages.

## Language model (athar-llm)
llm-model-missing = تعذّر فتح ملف النموذج اللغوي { $path }. اختر ملف النموذج مرة أخرى من الإعدادات.
llm-model-not-gguf = الملف { $path } ليس ملف نموذج لغوي بصيغة GGUF. اختر ملفًا بامتداد ‎.gguf من الإعدادات.
llm-model-unreadable = ملف النموذج اللغوي { $path } تالف أو من نوع لا يستطيع هذا الإصدار تشغيله. اختر نموذجًا آخر من الإعدادات.
llm-backend = تعذّر تشغيل النموذج اللغوي على هذا الحاسوب.
llm-context = لا تتسع ذاكرة النموذج اللغوي لسياق من { $tokens } رمز. قلّل حجم السياق أو حرّر بعض الذاكرة.
llm-template = لا يمكن استخدام قالب المحادثة الخاص بالنموذج اللغوي. اختر نموذجًا آخر من الإعدادات.
llm-bad-request = الحقول المطلوبة من النموذج اللغوي غير صالحة: { $detail }
llm-grammar = رفض النموذج اللغوي صيغة الإجابة. هذا خطأ في أثر؛ الحقول المقروءة دون النموذج محفوظة.
llm-decode = تعطّل النموذج اللغوي أثناء قراءة المستند: { $detail }
llm-dead-end = لم يتمكن النموذج اللغوي من إكمال إجابته. الحقول المقروءة دون النموذج محفوظة.
llm-incomplete = انقطعت إجابة النموذج اللغوي قبل اكتمالها. الحقول المقروءة دون النموذج محفوظة.

## Worker process (athar-worker)
worker-not-found = تعذّر تشغيل البرنامج المساعد الذي يقرأ المستندات الممسوحة ويشغّل النموذج اللغوي ({ $path }): { $detail }. أعد تثبيت أثر.
worker-crashed = توقف البرنامج المساعد أثناء قراءة هذا المستند ({ $status }). لم يُفقد شيء مما حُفظ؛ سيقرأ برنامج مساعد جديد المستند التالي.
worker-cancelled = أُلغي.
worker-timeout = استغرقت قراءة هذا المستند أكثر من { $seconds } ثانية فأُوقفت.
worker-protocol = أجاب البرنامج المساعد بطريقة غير متوقعة: { $detail }. أعد تثبيت أثر.
worker-bad-job = لم يتمكن البرنامج المساعد من استخدام ما أُعطي: { $detail }

## Extraction (athar-extract, athar-ocr)
doc-io = تعذّرت قراءة المستند: { $detail }
doc-empty-file = الملف فارغ (٠ بايت). اختر المستند مرة أخرى.
doc-unsupported-file = لا يمكن قراءة هذا النوع من الملفات (يبدو أنه { $looks_like }). استخدم ملف PDF أو صورة JPEG أو PNG أو TIFF أو مصنف xlsx أو ملف CSV.
doc-encrypted-pdf = ملف PDF محمي بكلمة مرور. احفظ نسخة غير محمية (اطبعه إلى PDF) وأضفها بدلًا منه.
doc-damaged-pdf = ملف PDF تالف أو ناقص ولا يمكن قراءته ({ $detail }). إن كان قد نُزِّل أو نُسخ فاحصل عليه مرة أخرى.
doc-too-many-pages = يتكون المستند من { $pages } صفحة، والحد الأقصى للقراءة { $max } صفحة. قسّمه إلى ملفات أصغر.
doc-image-too-large = أبعاد الصورة { $width } × { $height } بكسل، وهذا أكثر من { $max_pixels } بكسل يمكن قراءتها. امسحها ضوئيًا مرة أخرى بدقة ٣٠٠ نقطة في البوصة أو صغّرها.
doc-damaged-image = صورة { $format } تالفة أو ناقصة ولا يمكن قراءتها ({ $detail }).
doc-damaged-workbook = المصنف تالف ولا يمكن قراءته ({ $detail }).
doc-csv-not-utf8 = ملف CSV ليس نصًا بترميز UTF-8. احفظه مرة أخرى بصيغة "CSV UTF-8".
doc-cancelled = أُلغي.
doc-engine-unavailable = { $engine ->
    [ocr] التعرّف على النص
   *[model] النموذج اللغوي
} غير متاح: { $detail }
doc-engine-failed = { $engine ->
    [ocr] فشل التعرّف على النص في الصفحة { $page }
   *[model] فشل النموذج اللغوي
}: { $detail }
doc-engine-crashed = { $engine ->
    [ocr] توقف التعرّف على النص في الصفحة { $page }
   *[model] توقف النموذج اللغوي
} ({ $detail }). القيم المقروءة حتى الآن محفوظة.
doc-engine-timeout = { $engine ->
    [ocr] استغرق التعرّف على نص الصفحة { $page }
   *[model] استغرق النموذج اللغوي
} أكثر من { $seconds } ثانية فأُوقف.
doc-warn-content-differs = يدل اسم الملف على أنه { $named }، لكن محتواه { $actual }؛ وقد قُرئ على أنه { $actual }.
doc-warn-page-no-text = لا تحتوي الصفحة { $page } على نص قابل للقراءة ولا على صورة ممسوحة ضوئيًا.
doc-warn-page-empty = الصفحة { $page } فارغة.
doc-warn-image-unsupported = الصورة الممسوحة في الصفحة { $page } بصيغة لا يمكن فك ترميزها (JPEG 2000 أو JBIG2).
doc-warn-no-ocr = { $pages ->
    [one] صفحة واحدة عبارة عن صورة، والتعرّف على النص غير متاح: يجب إدخال قيمها يدويًا.
   *[other] { $pages } صفحات عبارة عن صور، والتعرّف على النص غير متاح: يجب إدخال قيمها يدويًا.
}
doc-warn-model-value-dropped = اقترح النموذج اللغوي القيمة "{ $value }" للحقل { $field }، وهي ليست قيمة صالحة؛ فتم تجاهلها.
doc-bench-io = تعذّرت قراءة { $path }: { $detail }
doc-bench-bad-truth = { $path } ليس ملف قيم مرجعية صالحًا: { $detail }
doc-bench-empty = لم يُعثر على مستندات لها قيم مرجعية في { $path }.

doc-type-electricity_bill = فاتورة كهرباء
doc-type-gas_bill = فاتورة غاز طبيعي
doc-type-fuel_invoice = فاتورة أو إيصال وقود
doc-type-material_invoice = فاتورة شراء مواد
doc-type-transport_invoice = فاتورة نقل أو شحن
doc-type-cbam_template = نموذج آلية تعديل حدود الكربون من المورد
doc-type-receipt = إيصال
doc-type-other = مستند آخر

doc-field-supplier = المورد
doc-field-account_number = رقم الحساب
doc-field-meter_number = رقم العداد
doc-field-invoice_number = رقم الفاتورة
doc-field-issue_date = تاريخ الإصدار
doc-field-period_start = بداية الفترة
doc-field-period_end = نهاية الفترة
doc-field-consumption = الاستهلاك
doc-field-consumption_unit = وحدة الاستهلاك
doc-field-fuel_type = الوقود
doc-field-quantity = الكمية
doc-field-quantity_unit = وحدة الكمية
doc-field-amount = المبلغ
doc-field-currency = العملة
doc-field-address = العنوان

doc-note-conflict = يظهر في المستند أكثر من قيمة؛ تحقق من القيمة الصحيحة.
doc-note-model_filled = قرأه النموذج اللغوي.
doc-note-model_settled_conflict = يظهر في المستند أكثر من قيمة؛ واختار النموذج اللغوي هذه القيمة.
doc-note-model_replaced_low_confidence = استبدل النموذج اللغوي قراءة غير مؤكدة.
doc-note-model_disagrees = قرأ النموذج اللغوي قيمة أخرى؛ وأُبقيت هذه القيمة.

doc-method-text_layer = نص ملف PDF
doc-method-ocr = التعرّف على النص
doc-method-spreadsheet = خلايا الجدول
doc-method-none = لا يوجد نص

## Documents in the company file, review and settings (session, CLI)
doc-add-too-large = حجم الملف { $size } ميغابايت، ولا يمكن إضافة مستندات أكبر من { $max } ميغابايت.
doc-not-found = لا يوجد مستند { $id } في ملف الشركة هذا.
doc-err-internal = تعذّر حفظ النتيجة: { $detail }
doc-review-not-read = لم تتم قراءة المستند { $id } بعد.
doc-review-already-accepted = سبق قبول المستند { $id }؛ قيده موجود في صفحة بيانات النشاط.
doc-review-no-entry = المستند من نوع { $type } لا يعطي بيانات نشاط؛ يُحفظ المستند دليلًا فقط.
doc-review-bad-date = «{ $value }» ليس تاريخًا؛ اكتبه بالصيغة YYYY-MM-DD.
doc-review-bad-unit = «{ $value }» ليست وحدة يعرفها أثر (مثل kWh أو MWh أو Nm3 أو m3 أو L أو t).
doc-review-period-order = تنتهي الفترة ({ $to }) قبل أن تبدأ ({ $from }).
doc-settings-model-missing = لا يوجد ملف في { $path }.
doc-settings-threads = من ١ إلى { $max } خيطًا.
doc-settings-percent = نسبة مئوية من ١ إلى ١٠٠.
cli-doc-lang = «{ $lang }» ليست لغة للتعرّف على النص؛ استخدم en أو ar أو en+ar.
cli-doc-refused = { $count ->
    [one] لم يُضف ملف واحد.
    [two] لم يُضف ملفان.
    [few] لم تُضف { $count } ملفات.
   *[other] لم يُضف { $count } ملفًا.
}

## Documents screen, review and settings (desktop app)
nav-documents = المستندات
documents-title = المستندات
documents-lead = أضف الفواتير والإيصالات. يقرؤها أثر ويقترح القيم التي تحتويها، وتؤكدها أنت لتصبح بيانات نشاط. يُحفظ كل مستند مشفّرًا دليلًا.
documents-no-model = لم يُختر نموذج لغوي. ما زال أثر يقرأ المستندات بقواعده الخاصة؛ أما النموذج فيكمل الحقول التي لا تجدها القواعد (عنوان غير مألوف، أو إجمالي مكتوب بخط اليد) ويحسم القيم التي تظهر مرتين في المستند. اختر ملف نموذج GGUF من الإعدادات.
documents-open-settings = فتح الإعدادات
documents-add-title = إضافة مستندات
documents-add-note = ملفات PDF (نصية أو ممسوحة ضوئيًا)، وصور JPEG أو PNG أو TIFF، ومصنفات xlsx أو ملفات CSV. الملف المضاف مرتين يُحفظ مرة واحدة.
documents-path = مسار الملف (مسار في كل سطر)
documents-add = إضافة
documents-choose = اختيار ملفات…
documents-list-title = المستندات في ملف الشركة هذا
documents-read-waiting = قراءة المستندات المنتظرة ({ $count })
documents-read-summary = قُرئ: { $done }. تعذّرت قراءته: { $failed }. أُلغي: { $cancelled }. قُبل تلقائيًا: { $accepted }.
documents-added = أُضيف: { $added }. موجود مسبقًا في الملف: { $duplicates }. لم يُضف: { $refused }.
documents-progress-title = القراءة
documents-cancel = إلغاء
documents-empty = لا توجد مستندات بعد.
documents-col-file = الملف
documents-col-type = النوع
documents-col-status = الحالة
documents-col-fields = الحقول
documents-fields-count = وُجد { $count }، ويحتاج { $low } إلى مراجعة
documents-review = مراجعة
documents-entry = القيد { $id }
documents-status-added = بانتظار القراءة
documents-status-queued = في الانتظار
documents-status-running = جارٍ القراءة…
documents-status-done = قُرئ
documents-status-extracted = بانتظار المراجعة
documents-status-failed = تعذّرت القراءة
documents-status-cancelled = أُلغي
documents-status-accepted = مقبول
documents-stage-recognising = التعرّف على النص
documents-stage-loading_model = تحميل النموذج اللغوي
documents-stage-reading = النموذج اللغوي يقرأ
documents-stage-writing = النموذج اللغوي يجيب
documents-stage-testing = جارٍ العمل
documents-stage-count = { $stage } ({ $done } من { $total })
documents-dialog-files = إضافة فواتير وإيصالات
documents-dialog-filter = المستندات
documents-dialog-model = اختيار نموذج لغوي
documents-dialog-filter-gguf = نماذج GGUF
review-title = مراجعة: { $file }
review-close = إغلاق
review-type = النوع: { $type }.
review-threshold = تُميَّز الحقول التي تقل ثقتها عن { $percent }٪.
review-not-found = لم يُعثر عليه
review-site = الموقع
review-entry-electricity = يضيف القبول قيد كهرباء (النطاق ٢) للفترة، مرتبطًا بهذا المستند.
review-entry-natural_gas = يضيف القبول قيد غاز طبيعي (النطاق ١، احتراق ثابت) للفترة، مرتبطًا بهذا المستند.
review-entry-fuel = يضيف القبول قيد وقود (النطاق ١، احتراق ثابت) بتاريخ الفاتورة، مرتبطًا بهذا المستند.
review-accept = قبول كبيانات نشاط
review-open-activity = فتح بيانات النشاط
review-evidence-only = هذا النوع من المستندات لا يعطي بيانات نشاط؛ يُحفظ دليلًا فقط.
review-page = الصفحة { $page }
review-image-alt = الصفحة كما مُسحت ضوئيًا أو صُوّرت
review-origin-parser = قرأته قواعد أثر
review-origin-model = قرأه النموذج اللغوي
review-alternatives = قيم أخرى ظهرت: { $values }
settings-documents-title = المستندات: النموذج اللغوي والمراجعة
settings-documents-note = يعمل النموذج على هذا الحاسوب في عملية مساعدة منفصلة؛ لا يغادر شيء هذا الحاسوب. بدون نموذج تُقرأ المستندات بقواعد أثر فقط.
settings-model-path = ملف النموذج اللغوي (GGUF)
settings-model-browse = اختيار…
settings-model-threads = عدد خيوط النموذج
settings-highlight-below = تمييز الحقول التي تقل ثقتها عن (٪)
settings-highlight-hint = الحقول المميَّزة تستحق نظرة ثانية قبل القبول.
settings-auto-accept = قبول المستندات تلقائيًا عندما تكون كل القيم موثوقة
settings-auto-accept-above = الثقة المطلوبة للقبول التلقائي (٪)
settings-documents-saved = حُفظ.
