# Reports messages.

## تقارير PDF (athar-pdf)
# Footer of every report page; pass page = "{page}" and pages = "{pages}", athar-pdf fills them in.
pdf-page-of = صفحة { $page } من { $pages }
pdf-font-unreadable = تعذّرت قراءة خط التقارير { $font } المضمَّن في أثر. أعد تثبيت أثر.
pdf-page-too-small = الصفحة أصغر من أن تتسع لهوامشها. اختر هوامش أصغر أو صفحة أكبر.
pdf-table-without-columns = أحد جداول التقرير بلا أعمدة.
pdf-table-shape = الصف { $row } في أحد جداول التقرير فيه { $found } خلايا، بينما للجدول { $expected } أعمدة.
pdf-column-too-narrow = العمود { $column } في أحد جداول التقرير أضيق من أن يتسع لنصه.
pdf-write-failed = تعذّرت كتابة ملف PDF: { $detail }

## تعبئة المصنفات الرسمية (athar-xlsx-fill)
xlsx-io = تعذّرت قراءة { $path } أو الكتابة فيه: { $detail }
xlsx-empty-file = ملف المصنف فارغ.
xlsx-not-zip = هذا الملف ليس مصنف Excel بصيغة ‎.xlsx‏: { $looks_like ->
    [png] إنه صورة PNG.
    [jpeg] إنه صورة JPEG.
    [pdf] إنه مستند PDF.
    [xls-or-encrypted] إنه مصنف قديم بصيغة ‎.xls‏، أو مصنف محمي بكلمة مرور للفتح. احفظه من Excel بصيغة ‎.xlsx‏ دون كلمة مرور للفتح.
    [text] إنه ملف نصي.
   *[other] محتواه من نوع آخر.
}
xlsx-not-xlsx = هذا الأرشيف ليس مصنف Excel: الجزء { $missing } غير موجود.
xlsx-damaged-archive = المصنف تالف أو غير مكتمل ({ $detail }). نزّله أو صدّره مرة أخرى.
xlsx-damaged-part = المصنف تالف: تعذّر استخدام الجزء { $part } منه ({ $detail }).
xlsx-missing-sheet = لا توجد في المصنف ورقة باسم «{ $sheet }». هل هذا هو النموذج الصحيح بإصداره الصحيح؟
xlsx-not-a-worksheet = الورقة «{ $sheet }» ورقة مخطط أو حوار، وليست ورقة خلايا.
xlsx-unknown-name = لا يوجد في المصنف نطاق مسمّى «{ $name }». هل هذا هو النموذج الصحيح بإصداره الصحيح؟
xlsx-name-not-cells = النطاق المسمّى «{ $name }» لا يشير إلى خلايا (قيمته { $formula }).
xlsx-name-not-single-cell = النطاق المسمّى «{ $name }» يغطي { $reference }، أي أكثر من خلية واحدة.
xlsx-offset-outside-name = الإزاحة (الصف { $row_offset }، العمود { $col_offset }) تقع خارج { $reference }، وهي خلايا النطاق المسمّى «{ $name }».
xlsx-bad-cell-ref = «{ $reference }» ليس مرجع خلية مثل B7.
xlsx-cell-out-of-range = المرجع { $reference } يقع خارج الورقة؛ آخر خلية فيها هي XFD1048576.
xlsx-bad-number = «{ $value }» ليس عددًا يمكن كتابته في المصنف.
xlsx-text-too-long = طول النص { $length } حرفًا، والخلية تتسع لـ 32767 حرفًا على الأكثر.
xlsx-not-a-formula = الخلية { $sheet }!{ $cell } لا تحتوي صيغة يمكن تعيين نتيجتها.
xlsx-formula-anchor = الخلية { $sheet }!{ $cell } تحمل صيغة تشترك فيها خلايا أخرى؛ لن يكتب أثر فوقها.

## حزم البريد الإلكتروني (athar-mail)
mail-no-recipient = الرسالة بلا مستلم. أضف عنوان البريد الإلكتروني للعميل.
mail-invalid-address = «{ $address }» ليس عنوان بريد إلكتروني.
mail-invalid-message-id = معرّف الرسالة «{ $id }» غير صالح.
mail-date-out-of-range = لا يمكن كتابة التاريخ { $date } في رسالة بريد إلكتروني أو ملف مضغوط.
mail-invalid-file-name = لا يصلح «{ $name }» اسمًا لملف مرفق.
mail-duplicate-file-name = يوجد ملفان مرفقان باسم «{ $name }».
mail-zip-failed = تعذّر إنشاء الملف المضغوط: { $detail }
mail-folder-missing = المجلد { $path } غير موجود.
mail-no-free-name = لا يوجد اسم ملف متاح لـ«{ $name }» في { $path }. اختر مجلدًا آخر.
mail-write-failed = تعذّرت كتابة { $path }: { $detail }
