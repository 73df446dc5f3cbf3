//! Loading and saving the company profile, its sites and customers, each change audited.

use athar_domain::{CompanyData, CompanyProfile, Customer, Money, NewCompany, Site};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use rust_decimal::Decimal;
use serde_json::json;

use crate::{audit, CompanyFile, Result, StoreError};

fn dec(s: Option<String>) -> Result<Option<Decimal>> {
    s.map(|s| {
        s.parse::<Decimal>()
            .map_err(|e| StoreError::Corrupt(format!("decimal {s:?}: {e}")))
    })
    .transpose()
}

fn load_profile(conn: &Connection) -> Result<CompanyProfile> {
    let row = conn
        .query_row(
            "SELECT legal_name_en, legal_name_ar, legal_form, registration_number, country, city,
                    address, nace_codes, employees, turnover_amount, turnover_currency, reporting_year
             FROM company WHERE id = 1",
            [],
            |r| {
                Ok((
                    (r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?),
                    (r.get::<_, String>(4)?, r.get::<_, String>(5)?, r.get::<_, String>(6)?, r.get::<_, String>(7)?),
                    (r.get::<_, Option<u32>>(8)?, r.get::<_, Option<String>>(9)?, r.get::<_, Option<String>>(10)?, r.get::<_, i32>(11)?),
                ))
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::Corrupt("the company row is missing".into()))?;
    let (
        (legal_name_en, legal_name_ar, legal_form, registration_number),
        (country, city, address, nace),
        (employees, amount, currency, reporting_year),
    ) = row;
    let nace_codes: Vec<String> =
        serde_json::from_str(&nace).map_err(|e| StoreError::Corrupt(format!("nace_codes: {e}")))?;
    let turnover = match (dec(amount)?, currency) {
        (Some(amount), Some(currency)) => Some(Money { amount, currency }),
        _ => None,
    };
    Ok(CompanyProfile {
        legal_name_en,
        legal_name_ar,
        legal_form,
        registration_number,
        country,
        city,
        address,
        nace_codes,
        employees,
        turnover,
        reporting_year,
    })
}

fn load_sites(conn: &Connection) -> Result<Vec<Site>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, address, unlocode, latitude, longitude FROM sites ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, address, unlocode, lat, lon) = row?;
        out.push(Site {
            id: Some(id),
            name,
            address,
            unlocode,
            latitude: dec(lat)?,
            longitude: dec(lon)?,
        });
    }
    Ok(out)
}

fn load_customers(conn: &Connection) -> Result<Vec<Customer>> {
    let mut stmt = conn.prepare("SELECT id, name, country, email FROM customers ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Customer {
            id: Some(r.get(0)?),
            name: r.get(1)?,
            country: r.get(2)?,
            email: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

fn write_profile(tx: &Transaction<'_>, p: &CompanyProfile) -> Result<()> {
    let nace = serde_json::to_string(&p.nace_codes).expect("strings serialise");
    tx.execute(
        "INSERT INTO company (id, legal_name_en, legal_name_ar, legal_form, registration_number, country,
                              city, address, nace_codes, employees, turnover_amount, turnover_currency, reporting_year)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET
            legal_name_en = excluded.legal_name_en, legal_name_ar = excluded.legal_name_ar,
            legal_form = excluded.legal_form, registration_number = excluded.registration_number,
            country = excluded.country, city = excluded.city, address = excluded.address,
            nace_codes = excluded.nace_codes, employees = excluded.employees,
            turnover_amount = excluded.turnover_amount, turnover_currency = excluded.turnover_currency,
            reporting_year = excluded.reporting_year",
        params![
            p.legal_name_en, p.legal_name_ar, p.legal_form, p.registration_number, p.country, p.city,
            p.address, nace, p.employees,
            p.turnover.as_ref().map(|m| m.amount.to_string()),
            p.turnover.as_ref().map(|m| m.currency.clone()),
            p.reporting_year
        ],
    )?;
    Ok(())
}

fn value<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).expect("domain types serialise")
}

impl CompanyFile {
    pub(crate) fn init_company(&mut self, company: NewCompany, actor: &str) -> Result<()> {
        let profile = company.into_profile();
        let tx = self.conn.transaction()?;
        write_profile(&tx, &profile)?;
        audit::append(
            &tx,
            actor,
            "company",
            "1",
            "create",
            None,
            Some(&value(&profile)),
        )?;
        let created = json!({ "created_by": format!("athar {}", env!("CARGO_PKG_VERSION")) });
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('created_by', ?1)",
            [created["created_by"].as_str().unwrap_or_default()],
        )?;
        audit::append(
            &tx,
            actor,
            "settings",
            "created_by",
            "create",
            None,
            Some(&created["created_by"]),
        )?;
        crate::activity::record_factor_packs(&tx, actor)?;
        tx.commit()?;
        Ok(())
    }

    /// The profile with its sites and customers.
    pub fn load(&self) -> Result<CompanyData> {
        Ok(CompanyData {
            profile: load_profile(&self.conn)?,
            sites: load_sites(&self.conn)?,
            customers: load_customers(&self.conn)?,
        })
    }

    /// Saves `data` (already validated by the caller) as the new state: rows with an id are
    /// updated, rows without one inserted, rows no longer present deleted. One transaction;
    /// one audit entry per changed row. Returns the state as stored.
    pub fn save(&mut self, data: &CompanyData, actor: &str) -> Result<CompanyData> {
        let current = self.load()?;
        let tx = self.conn.transaction()?;
        if current.profile != data.profile {
            write_profile(&tx, &data.profile)?;
            audit::append(
                &tx,
                actor,
                "company",
                "1",
                "update",
                Some(&value(&current.profile)),
                Some(&value(&data.profile)),
            )?;
        }
        // Sites.
        for old in &current.sites {
            if !data.sites.iter().any(|s| s.id == old.id) {
                tx.execute("DELETE FROM sites WHERE id = ?1", [old.id])?;
                audit::append(
                    &tx,
                    actor,
                    "site",
                    &old.id.unwrap_or_default().to_string(),
                    "delete",
                    Some(&value(old)),
                    None,
                )?;
            }
        }
        for s in &data.sites {
            let lat = s.latitude.map(|d| d.to_string());
            let lon = s.longitude.map(|d| d.to_string());
            match s
                .id
                .and_then(|id| current.sites.iter().find(|o| o.id == Some(id)))
            {
                Some(old) if old == s => {}
                Some(old) => {
                    tx.execute(
                        "UPDATE sites SET name = ?2, address = ?3, unlocode = ?4, latitude = ?5, longitude = ?6 WHERE id = ?1",
                        params![s.id, s.name, s.address, s.unlocode, lat, lon],
                    )?;
                    audit::append(
                        &tx,
                        actor,
                        "site",
                        &s.id.unwrap_or_default().to_string(),
                        "update",
                        Some(&value(old)),
                        Some(&value(s)),
                    )?;
                }
                None => {
                    tx.execute(
                        "INSERT INTO sites (name, address, unlocode, latitude, longitude) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![s.name, s.address, s.unlocode, lat, lon],
                    )?;
                    let stored = Site {
                        id: Some(tx.last_insert_rowid()),
                        ..s.clone()
                    };
                    audit::append(
                        &tx,
                        actor,
                        "site",
                        &tx.last_insert_rowid().to_string(),
                        "create",
                        None,
                        Some(&value(&stored)),
                    )?;
                }
            }
        }
        // Customers.
        for old in &current.customers {
            if !data.customers.iter().any(|c| c.id == old.id) {
                tx.execute("DELETE FROM customers WHERE id = ?1", [old.id])?;
                audit::append(
                    &tx,
                    actor,
                    "customer",
                    &old.id.unwrap_or_default().to_string(),
                    "delete",
                    Some(&value(old)),
                    None,
                )?;
            }
        }
        for c in &data.customers {
            match c
                .id
                .and_then(|id| current.customers.iter().find(|o| o.id == Some(id)))
            {
                Some(old) if old == c => {}
                Some(old) => {
                    tx.execute(
                        "UPDATE customers SET name = ?2, country = ?3, email = ?4 WHERE id = ?1",
                        params![c.id, c.name, c.country, c.email],
                    )?;
                    audit::append(
                        &tx,
                        actor,
                        "customer",
                        &c.id.unwrap_or_default().to_string(),
                        "update",
                        Some(&value(old)),
                        Some(&value(c)),
                    )?;
                }
                None => {
                    tx.execute(
                        "INSERT INTO customers (name, country, email) VALUES (?1, ?2, ?3)",
                        params![c.name, c.country, c.email],
                    )?;
                    let id = tx.last_insert_rowid();
                    let stored = Customer {
                        id: Some(id),
                        ..c.clone()
                    };
                    audit::append(
                        &tx,
                        actor,
                        "customer",
                        &id.to_string(),
                        "create",
                        None,
                        Some(&value(&stored)),
                    )?;
                }
            }
        }
        tx.commit()?;
        self.load()
    }

    /// A file-level setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a file-level setting, audited.
    pub fn set_setting(&mut self, key: &str, new: &str, actor: &str) -> Result<()> {
        let old = self.setting(key)?;
        if old.as_deref() == Some(new) {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, new],
        )?;
        let action = if old.is_some() { "update" } else { "create" };
        audit::append(
            &tx,
            actor,
            "settings",
            key,
            action,
            old.map(serde_json::Value::from).as_ref(),
            Some(&json!(new)),
        )?;
        tx.commit()?;
        Ok(())
    }
}
