# نصوص يطبعها سطر أوامر أثر.
cli-created = أُنشئ { $path }.
cli-passphrase-changed = تغيرت عبارة المرور. لم تعد العبارة القديمة تفتح الملف.
cli-audit-intact = سجل التدقيق سليم: { $count } قيدًا.
cli-sites = المواقع
cli-customers = العملاء في الاتحاد الأوروبي
prompt-passphrase = عبارة المرور
prompt-new-passphrase = عبارة المرور الجديدة
prompt-confirm-passphrase = أعد كتابة عبارة المرور
dialog-save-title = احفظ ملف الشركة الجديد
dialog-open-title = افتح ملف شركة
dialog-filter-athar = ملفات شركات أثر
cli-import-summary = تم الاستيراد: { $inserted } جديد، { $unchanged } دون تغيير، { $updated } محدَّث؛ { $errors } صفوف بها أخطاء.
cli-inventory-line = { $id }: { $value } { $unit }
cli-explain-node = { $id } = { $value } { $unit }
cli-explain-entry = القيد { $id } (الموقع { $site }، { $period }، المصدر { $origin })
cli-explain-factor = المعامل { $key } = { $value } { $unit } ({ $source })
