//! Monitoring and evaluation (docs/monitoring.md): the operations of a strategy, and their
//! results as classes (`ExecutionRate`, `ResultsRating`, `Achievement`, `Triage`,
//! `MonitoringReport`) with getters, `toJSON()` (the result as plain data, what
//! `JSON.stringify` writes) and `toString()` (the core's summary line, as Python's `repr()`).
//! Full build only.

use eculture::api::Summary;
use eculture::monitoring as m;
use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{args, error, js};

/// A class over a core monitoring result: getters for its fields (camelCase names, plain data
/// with the core's snake_case keys inside), `toJSON()` and `toString()`.
macro_rules! result_class {
    (
        $(#[doc = $doc:literal])*
        $name:ident($core:ty, $data:literal) {
            $($field:ident $js:literal $ts:literal),* $(,)?
        }
        $($extra:tt)*
    ) => {
        $(#[doc = $doc])*
        #[wasm_bindgen]
        #[derive(Debug, Clone)]
        pub struct $name {
            inner: $core,
        }

        #[wasm_bindgen]
        impl $name {
            $(
                #[doc = concat!("`", stringify!($field), "` of the result.")]
                #[wasm_bindgen(getter, js_name = $js, unchecked_return_type = $ts)]
                pub fn $field(&self) -> Result<JsValue, JsValue> {
                    js(&self.inner.$field)
                }
            )*

            /// The date of the states (ISO).
            #[wasm_bindgen(getter, js_name = "asOf")]
            pub fn as_of(&self) -> String {
                self.inner.as_of.to_string()
            }

            /// The result as plain data (also what `JSON.stringify` writes).
            #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = $data)]
            pub fn to_plain(&self) -> Result<JsValue, JsValue> {
                js(&self.inner)
            }

            /// The core's one-line summary, the same text as Python's `repr()`.
            #[wasm_bindgen(js_name = "toString")]
            pub fn to_display(&self) -> String {
                self.inner.summary()
            }

            $($extra)*
        }
    };
}

result_class! {
    /// The execution rate (`executionRate()`): one record per group, the measures without data,
    /// the options it was computed with.
    ExecutionRate(m::ExecutionRate, "ExecutionRateData") {
        by "by" "GroupBy",
        scope "scope" "Scope",
        weights "weights" "Weights",
        no_data_policy "noDataPolicy" "NoData",
        records "records" "RateRecord[]",
        no_data_measures "noDataMeasures" "string[]",
        excluded "excluded" "number",
    }
}

result_class! {
    /// The results-based rating (`resultsRating()`): one record per group.
    ResultsRating(m::ResultsRating, "ResultsRatingData") {
        records "records" "ResultsRecord[]",
    }
}

result_class! {
    /// Indicator achievement (`achievement()`): per indicator and year, per indicator, rolled up.
    Achievement(m::Achievement, "AchievementData") {
        cap "cap" "boolean",
        bands "bands" "Bands",
        records "records" "AchievementRecord[]",
        indicators "indicators" "IndicatorSummary[]",
        rollup "rollup" "RollupRecord[]",
    }
}

result_class! {
    /// Overdue and at-risk measures ranked (`triage()`).
    Triage(m::Triage, "TriageData") {
        records "records" "TriageRecord[]",
        forecast_error "forecastError" "string | null",
    }
}

result_class! {
    /// The annual monitoring report (`monitoringReport()`): its sections as data,
    /// `toMarkdown()`, `toHtml()` and `toXlsx()`.
    MonitoringReport(m::MonitoringReport, "MonitoringReportData") {
        title "title" "string",
        year "year" "number",
        sections "sections" "Section[]",
        notice "notice" "string | null",
    }

    /// The report as Markdown.
    #[wasm_bindgen(js_name = "toMarkdown")]
    pub fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// The report as one self-contained HTML page.
    #[wasm_bindgen(js_name = "toHtml")]
    pub fn to_html(&self) -> String {
        self.inner.to_html()
    }

    /// The report as XLSX bytes: a `Summary` sheet, then one sheet per table.
    #[wasm_bindgen(js_name = "toXlsx")]
    pub fn to_xlsx(&self) -> Result<Vec<u8>, JsValue> {
        self.inner.to_xlsx().map_err(error::to_js)
    }
}

/// Options of a monitoring operation, read by the core.
type Options = JsValue;

#[wasm_bindgen]
impl Strategy {
    /// Every measure's state as of a date (ISO).
    #[wasm_bindgen(js_name = "statesAsOf", unchecked_return_type = "MeasureState[]")]
    pub fn states_as_of(&self, as_of: JsValue) -> Result<JsValue, JsValue> {
        let d = args::date(as_of, "as_of")?;
        js(&self.inner.states_as_of(d))
    }

    /// The execution rate (`{asOf, by, scope, weights, noData}`).
    #[wasm_bindgen(js_name = "executionRate")]
    pub fn execution_rate(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: Options,
    ) -> Result<ExecutionRate, JsValue> {
        let inner = self
            .inner
            .execution_rate(&args::op(options)?)
            .map_err(error::to_js)?;
        Ok(ExecutionRate { inner })
    }

    /// The results-based rating (`{asOf, by}`).
    #[wasm_bindgen(js_name = "resultsRating")]
    pub fn results_rating(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: Options,
    ) -> Result<ResultsRating, JsValue> {
        let inner = self.inner.results_rating(&args::op(options)?);
        Ok(ResultsRating { inner })
    }

    /// Indicator achievement (`{asOf, cap, bands}`).
    pub fn achievement(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: Options,
    ) -> Result<Achievement, JsValue> {
        let inner = self
            .inner
            .achievement(&args::op(options)?)
            .map_err(error::to_js)?;
        Ok(Achievement { inner })
    }

    /// Overdue and at-risk measures ranked (`{asOf, outOfSequence}`).
    pub fn triage(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: Options,
    ) -> Result<Triage, JsValue> {
        let inner = self.inner.triage(&args::op(options)?);
        Ok(Triage { inner })
    }

    /// The reporting obligations with their status (`{asOf}`).
    #[wasm_bindgen(js_name = "reportingCalendar", unchecked_return_type = "Obligation[]")]
    pub fn reporting_calendar(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: Options,
    ) -> Result<JsValue, JsValue> {
        js(&self.inner.reporting_calendar(&args::op(options)?))
    }

    /// The annual monitoring report (`{year, asOf, …}`): a `MonitoringReport`.
    #[wasm_bindgen(js_name = "monitoringReport")]
    pub fn monitoring_report(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: Options,
    ) -> Result<MonitoringReport, JsValue> {
        let inner = self
            .inner
            .monitoring_report(&args::op(options)?)
            .map_err(error::to_js)?;
        Ok(MonitoringReport { inner })
    }
}
