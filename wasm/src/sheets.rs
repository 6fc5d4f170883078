//! `Strategy`'s spreadsheet methods (full build only: the page's lean module leaves the
//! workbook crates out): action plans from XLSX/XLS/ODS and CSV bytes, and the document as a
//! workbook (`docs/spreadsheets.md`).

use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{args, error};

fn mapping(value: JsValue) -> Result<Option<eculture::sheets::Mapping>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    eculture::api::mapping(args::plain(value, "mapping")?).map_err(error::to_js)
}

#[wasm_bindgen]
impl Strategy {
    /// An action plan from a workbook's bytes (XLSX, XLSM, XLS or ODS); `mapping` an object of
    /// column heading (or letter) → field, `sheet` the action-plan sheet. Cells that could
    /// not be read or placed are diagnostics of `validate()` with `sheet` and `cell`.
    #[wasm_bindgen(js_name = "fromXlsx")]
    pub fn from_xlsx(
        data: &[u8],
        #[wasm_bindgen(unchecked_param_type = "Record<string, string> | null")] mapping: JsValue,
        sheet: Option<String>,
    ) -> Result<Strategy, JsValue> {
        let m = self::mapping(mapping)?;
        eculture::Strategy::from_xlsx(data, m.as_ref(), sheet.as_deref())
            .map(|inner| Strategy { inner })
            .map_err(error::to_js)
    }

    /// An action plan from CSV bytes (UTF-8; comma, semicolon or tab).
    #[wasm_bindgen(js_name = "fromCsv")]
    pub fn from_csv(
        data: &[u8],
        #[wasm_bindgen(unchecked_param_type = "Record<string, string> | null")] mapping: JsValue,
    ) -> Result<Strategy, JsValue> {
        let m = self::mapping(mapping)?;
        eculture::Strategy::from_csv(data, m.as_ref())
            .map(|inner| Strategy { inner })
            .map_err(error::to_js)
    }

    /// The document as XLSX bytes: the action plan in the Decree 1294 layout and a sheet per
    /// other part; `fromXlsx` reads it back equal.
    #[wasm_bindgen(js_name = "toXlsx")]
    pub fn to_xlsx(&self) -> Result<Vec<u8>, JsValue> {
        self.inner.to_xlsx().map_err(error::to_js)
    }
}

#[wasm_bindgen]
impl Strategy {
    /// One report workbook per executor with measures active in `period`, in `lang` (`az`,
    /// `en`, `ru`): an object executor id → `Uint8Array`.
    #[wasm_bindgen(
        js_name = "reportWorkbooks",
        unchecked_return_type = "Record<string, Uint8Array>"
    )]
    pub fn report_workbooks(&self, period: &str, lang: Option<String>) -> Result<JsValue, JsValue> {
        let l = eculture::api::lang(lang.as_deref().unwrap_or("en")).map_err(error::to_js)?;
        let books = self
            .inner
            .report_workbooks(period, l)
            .map_err(error::to_js)?;
        let out = js_sys::Object::new();
        for (k, v) in books {
            js_sys::Reflect::set(
                &out,
                &JsValue::from_str(&k),
                &js_sys::Uint8Array::from(v.as_slice()),
            )?;
        }
        Ok(out.into())
    }

    /// A new Strategy with the reports of filled-in workbooks (an array of `Uint8Array`)
    /// added; `submitted` an ISO date; `replace` a second report of an executor and period;
    /// `names` the files' names, which the findings and the reports' `source` cite
    /// (`workbook 1`, `workbook 2`, … without).
    #[wasm_bindgen(js_name = "collectReports")]
    pub fn collect_reports(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array[]")] files: js_sys::Array,
        submitted: Option<String>,
        replace: Option<bool>,
        names: Option<Vec<String>>,
    ) -> Result<Strategy, JsValue> {
        let names = names.unwrap_or_default();
        let named: Vec<(String, Vec<u8>)> = files
            .iter()
            .enumerate()
            .map(|(k, f)| {
                (
                    names
                        .get(k)
                        .cloned()
                        .unwrap_or_else(|| format!("workbook {}", k + 1)),
                    js_sys::Uint8Array::new(&f).to_vec(),
                )
            })
            .collect();
        let sub = submitted
            .map(|d| d.parse::<eculture::PeriodRef>())
            .transpose()
            .map_err(|e| {
                error::to_js(eculture::ArgumentError::new(e.to_string(), "submitted").into())
            })?;
        self.inner
            .collect_reports(&named, sub, replace.unwrap_or(false))
            .map(|inner| Strategy { inner })
            .map_err(error::to_js)
    }
}
