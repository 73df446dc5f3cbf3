# أخطاء تظهر للمستخدم في شريط تنبيه أو يطبعها سطر الأوامر.
error-invalid-fields = { $count ->
    [zero] لا توجد حقول تحتاج إلى مراجعة.
    [one] حقل واحد يحتاج إلى مراجعة.
    [two] حقلان يحتاجان إلى مراجعة.
    [few] { $count } حقول تحتاج إلى مراجعة.
   *[other] { $count } حقلًا تحتاج إلى مراجعة.
}
error-wrong-passphrase = عبارة المرور غير صحيحة. لم يتغير الملف.
error-file-not-found = لا يوجد ملف في { $path }.
error-file-exists = يوجد ملف بالفعل في { $path }. اختر اسمًا آخر؛ أثر لا يكتب فوق ملف شركة أبدًا.
error-not-company-file = { $path } ليس ملف شركة من أثر.
error-plain-sqlite = { $path } قاعدة بيانات SQLite غير مشفرة، وليس ملف شركة من أثر.
error-newer-file = أُنشئ هذا الملف بإصدار أحدث من أثر (المخطط { $found }، وهذا الإصدار يعرف { $known }). حدّث أثر لفتحه.
error-migration-failed = تعذر ترقية الملف، وبقي كما كان. حُفظت نسخة في { $backup }. التفاصيل: { $detail }
error-io = تعذرت قراءة الملف أو الكتابة فيه: { $detail }
error-database = أبلغ ملف الشركة عن خطأ: { $detail }
error-no-company-open = لا يوجد ملف شركة مفتوح.
error-keychain = تعذر استخدام سلسلة مفاتيح هذا الحاسوب: { $detail }
error-current-passphrase = عبارة المرور الحالية غير صحيحة. لم يتغير شيء.
error-internal = حدث خطأ داخل أثر: { $detail }
error-audit-broken = جرى العبث بسجل التدقيق: القيد { $seq } { $problem }.
error-prefs = تعذر حفظ التفضيلات: { $detail }
error-passphrase-required = عبارة المرور مطلوبة.
error-usage = { $detail }
