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
error-entry-not-found = لا يوجد قيد نشاط بالمعرف { $id }.
error-entry-id-taken = يوجد قيد نشاط آخر بالمعرف { $id }. أعطِ كل صف معرفًا فريدًا.
error-inventory-entries = تعذر حساب { $count } من قيود النشاط. الأول: { $first }
error-inventory = تعذر حساب الجرد: { $detail }
error-inventory-year = { $year } ليست سنة صالحة.
error-result-not-found = لا توجد نتيجة { $id } في هذا الجرد.
import-io = تعذرت قراءة { $path }: { $detail }
import-empty-file = الملف { $path } فارغ أو بلا صف عناوين.
import-unsupported-file = الملف { $path } ليس ملف ‎.csv أو ‎.xlsx.
import-not-xlsx = الملف { $path } ليس مصنف Excel (محتواه يشبه { $looks_like }). احفظه بصيغة ‎.xlsx أو أعطه الامتداد الصحيح.
import-corrupt-xlsx = المصنف { $path } تالف أو غير مكتمل: { $detail }
import-no-sheet = المصنف { $path } لا يحتوي على أي ورقة.
import-bad-csv = تعذرت قراءة { $path } كملف CSV في السطر { $line }: { $detail }
import-bad-mapping = ملف الربط { $path } غير صالح: { $detail }
import-column-not-found = يذكر ملف الربط عمودًا «{ $column }» غير موجود في الملف.
import-column-unmapped = لا يوجد عمود لـ { $field }: حدده في ملف ربط أو استخدم عنوانًا معروفًا.
import-missing-value = الصف { $row }، العمود «{ $column }»: القيمة مطلوبة.
import-bad-date = الصف { $row }، العمود «{ $column }»: «{ $value }» ليس تاريخًا (استخدم YYYY-MM-DD).
import-period-reversed = الصف { $row }، العمود «{ $column }»: تنتهي الفترة ({ $to }) قبل أن تبدأ ({ $from }).
import-unknown-kind = الصف { $row }، العمود «{ $column }»: نوع نشاط غير معروف «{ $value }».
import-bad-number = الصف { $row }، العمود «{ $column }»: «{ $value }» ليس رقمًا.
import-negative-quantity = الصف { $row }، العمود «{ $column }»: الكمية { $value } سالبة.
import-unknown-unit = الصف { $row }، العمود «{ $column }»: وحدة غير معروفة «{ $value }».
import-unknown-quality = الصف { $row }، العمود «{ $column }»: جودة البيانات يجب أن تكون مقاسة أو محسوبة أو مقدرة، لا «{ $value }».
import-unknown-combustion = الصف { $row }، العمود «{ $column }»: الاحتراق يجب أن يكون ثابتًا أو متحركًا، لا «{ $value }».
import-bad-waste = الصف { $row }، العمود «{ $column }»: اكتب النفايات بالشكل نوع:معالجة، لا «{ $value }».
import-duplicate-id = الصف { $row }، العمود «{ $column }»: المعرف { $id } ورد في صف سابق من الملف.
