//! `Strategy`'s planners' tools (full build only; `docs/planners.md`): the plan as MS Project
//! XML (MSPDI) and Primavera P6 XER text, and such files read back.

use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{args, error};

#[wasm_bindgen]
impl Strategy {
    /// An MS Project XML file's bytes (MSPDI): summary tasks become directions, leaf tasks
    /// measures (the WBS code as the id); what a strategy cannot hold is an
    /// `unsupported_project_data` diagnostic of `validate()`.
    #[wasm_bindgen(js_name = "fromMspdi")]
    pub fn from_mspdi(data: &[u8]) -> Result<Strategy, JsValue> {
        eculture::Strategy::from_mspdi(data)
            .map(|inner| Strategy { inner })
            .map_err(error::to_js)
    }

    /// A Primavera P6 XER file's bytes (UTF-8 or Windows-1252), as `fromMspdi`.
    #[wasm_bindgen(js_name = "fromXer")]
    pub fn from_xer(data: &[u8]) -> Result<Strategy, JsValue> {
        eculture::Strategy::from_xer(data)
            .map(|inner| Strategy { inner })
            .map_err(error::to_js)
    }

    /// The plan as MS Project XML (MSPDI) text, scheduled with the options of `schedule()`.
    #[wasm_bindgen(js_name = "toMspdi")]
    pub fn to_mspdi(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<String, JsValue> {
        self.inner
            .to_mspdi(&args::schedule(options)?)
            .map_err(error::to_js)
    }

    /// The plan as Primavera P6 XER text, scheduled with the options of `schedule()`.
    #[wasm_bindgen(js_name = "toXer")]
    pub fn to_xer(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<String, JsValue> {
        self.inner
            .to_xer(&args::schedule(options)?)
            .map_err(error::to_js)
    }
}
