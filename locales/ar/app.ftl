# نصوص واجهة سطح المكتب (ui/). تسميات الحقول بصيغة field-<name> حسب آخر جزء من مسار
# التحقق، كي يستطيع athar-i18n تسمية الأخطاء الواردة من أي طبقة.

app-name = أثر
app-loading = جارٍ التحميل…
lang-toggle = English
lang-toggle-title = التبديل إلى الواجهة الإنجليزية
error-dismiss = إخفاء هذه الرسالة
action-cancel = إلغاء
action-remove = إزالة

## تسميات الحقول

field-legal_name_en = الاسم القانوني (بالإنجليزية)
field-legal_name_ar = الاسم القانوني (بالعربية)
field-legal_form = الشكل القانوني
field-registration_number = رقم السجل التجاري
field-country = الدولة
field-city = المدينة
field-address = العنوان
field-nace_codes = رموز النشاط (NACE)
field-employees = عدد العاملين
field-turnover = حجم المبيعات السنوي
field-turnover_currency = العملة
field-reporting_year = سنة التقرير
field-name = الاسم
field-unlocode = رمز UN/LOCODE
field-latitude = خط العرض
field-longitude = خط الطول
field-email = البريد الإلكتروني
field-path = موقع الملف
field-passphrase = عبارة المرور
field-passphrase_confirm = أعد كتابة عبارة المرور
field-current = عبارة المرور الحالية
field-new = عبارة المرور الجديدة
field-new_confirm = أعد كتابة عبارة المرور الجديدة

## قوة عبارة المرور (تظهر أثناء الكتابة)

strength-too-short = قصيرة جدًا: استخدم { $min } أحرف على الأقل.
strength-weak = ضعيفة: يسهل تخمينها. بضع كلمات لا رابط بينها تصنع عبارة أقوى.
strength-fair = مقبولة: الأطول أكثر أمانًا.
strength-strong = قوية.

## مشكلات سجل التدقيق؛ تُقرأ بعد «القيد N»

audit-edited = عُدِّل
audit-missing = مفقود
audit-truncated = والقيود التي تليه حُذفت

## القوائم المنسدلة

countries-common = الأكثر استخدامًا
countries-all = كل الدول
country-choose = اختر دولة…
currencies-common = الأكثر استخدامًا
currencies-all = كل العملات

## شاشة البداية

start-title = ملفات الشركات
start-lead = لكل شركة ملف مشفر خاص بها على هذا الحاسوب. أنشئ ملفًا جديدًا أو افتح ملفًا لديك.
start-new = ملف شركة جديد
start-open = فتح ملف…
start-open-path = أو اكتب المسار الكامل لملف شركة
start-open-path-placeholder = /path/to/company.athar
start-open-path-go = فتح
start-recent = الملفات المفتوحة مؤخرًا
start-recent-empty = لم يُفتح أي ملف بعد. ستظهر هنا الملفات التي تنشئها أو تفتحها.
start-recent-missing = غير موجود
start-recent-opened = آخر فتح: { $date }
start-recent-remove = إزالة { $name } من هذه القائمة (يبقى الملف نفسه)

## شاشة فتح القفل

unlock-title = فتح ملف الشركة
unlock-lead = هذا الملف مشفر. أدخل عبارة المرور لفتحه.
unlock-submit = فتح القفل
remember-label = تذكّر على هذا الحاسوب
remember-hint = يُحفظ المفتاح في سلسلة مفاتيح هذا الحاسوب، فلن تُسأل عن عبارة المرور هنا مرة أخرى.
remember-unavailable = لا توجد على هذا الحاسوب سلسلة مفاتيح يستطيع أثر استخدامها، لذا ستكتب عبارة المرور في كل مرة تفتح فيها الملف.

## شاشة الإنشاء

create-title = ملف شركة جديد
create-lead = تكفي بضع معلومات للبدء، ويمكنك استكمال الملف التعريفي لاحقًا.
create-section-company = الشركة
create-section-file = الملف
create-section-security = الحماية
create-path-hint = يجب أن ينتهي اسم الملف بـ ‎.athar. احتفظ بنسخة احتياطية على ذاكرة USB أو قرص آخر.
create-browse = اختيار…
create-passphrase-note = يُشفَّر الملف بهذه العبارة، ولا يستطيع أثر استعادتها إن ضاعت، فدوّنها واحفظها في مكان آمن.
create-submit = إنشاء الملف

## مساحة العمل

nav-label = أقسام ملف الشركة
nav-profile = الملف التعريفي للشركة
nav-security = الأمان
nav-close = إغلاق الملف

## شاشة الملف التعريفي

profile-title = الملف التعريفي للشركة
profile-lead = من هي الشركة، وأين تنتج، ولمن تبيع في الاتحاد الأوروبي. يُسجَّل كل تغيير محفوظ في سجل التدقيق.
profile-section-identity = الهوية
profile-section-location = الموقع
profile-section-activity = النشاط
profile-section-sites = المواقع والمنشآت
profile-section-customers = العملاء والمستوردون في الاتحاد الأوروبي
profile-sites-note = الأماكن التي تنتج فيها الشركة السلع التي تصدّرها.
profile-customers-note = الشركات الأوروبية التي تطلب منك بيانات الانبعاثات.
profile-sites-empty = لا توجد مواقع بعد.
profile-customers-empty = لا يوجد عملاء بعد.
profile-add-site = إضافة موقع
profile-add-customer = إضافة عميل
profile-site-title = الموقع { $n }
profile-customer-title = العميل { $n }
profile-remove-site = إزالة هذا الموقع
profile-remove-customer = إزالة هذا العميل
profile-save = حفظ الملف التعريفي
profile-saved = حُفظ في { $time }
profile-problems = { $count ->
    [zero] لا توجد حقول تحتاج إلى مراجعة.
    [one] حقل واحد يحتاج إلى مراجعة.
    [two] حقلان يحتاجان إلى مراجعة.
    [few] { $count } حقول تحتاج إلى مراجعة.
   *[other] { $count } حقلًا تحتاج إلى مراجعة.
}
nace-hint = افصل بين الرموز بفواصل، مثل C24.10, C23.51.
legal-form-joint-stock = شركة مساهمة (ش.م.م)
legal-form-llc = شركة ذات مسؤولية محدودة (ذ.م.م)
legal-form-partnership = شركة تضامن
legal-form-limited-partnership = شركة توصية بسيطة
legal-form-sole = منشأة فردية
legal-form-branch = فرع شركة أجنبية
summary-sites = المواقع
summary-customers = العملاء الأوروبيون

## شاشة الأمان

security-title = الأمان
security-lead = كيف يُحمى ملف هذه الشركة على هذا الحاسوب.
security-change-title = تغيير عبارة المرور
security-change-note = يُعاد تشفير الملف بالعبارة الجديدة. أما النسخ التي صُنعت من قبل فتبقى بالعبارة القديمة.
security-change-submit = تغيير عبارة المرور
security-change-done = تغيّرت عبارة المرور.
security-remember-title = هذا الحاسوب
security-remember-on = مفتاح هذا الملف محفوظ في سلسلة مفاتيح هذا الحاسوب، فيُفتح هنا دون عبارة مرور.
security-remember-off = تُطلب عبارة المرور في كل مرة يُفتح فيها هذا الملف.
audit-title = سجل التدقيق
audit-note = يُسجَّل كل تغيير في ملف الشركة في سجل متسلسل. يكشف فحصه ما إذا كان أي قيد قد عُدِّل خارج أثر.
audit-count = { $count ->
    [zero] لا يحتوي السجل على أي قيد.
    [one] يحتوي السجل على قيد واحد.
    [two] يحتوي السجل على قيدين.
    [few] يحتوي السجل على { $formatted } قيود.
   *[other] يحتوي السجل على { $formatted } قيدًا.
}
audit-verify = فحص سجل التدقيق
audit-intact = { $count ->
    [zero] سليم: لا توجد قيود للفحص.
    [one] سليم: فُحص قيد واحد.
    [two] سليم: فُحص قيدان.
    [few] سليم: فُحصت { $formatted } قيود.
   *[other] سليم: فُحص { $formatted } قيدًا.
}
audit-broken-unknown = سجل التدقيق تالف.
