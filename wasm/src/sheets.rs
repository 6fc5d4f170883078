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
