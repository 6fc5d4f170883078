//! Arrow record batches of the tabular results (feature `arrow`), for analysts who move tables
//! between pandas, polars, DuckDB and Arrow.
//!
//! One conversion serves every table: [`records_batch`] takes any list of serializable records
//! (the schedule's rows, the matrix's cells, each monitoring result's `records`) and builds one
//! typed column per field straight from serde, without an intermediate JSON value per row:
//!
//! | Field values | Arrow type |
//! |---|---|
//! | integers | `int64` |
//! | numbers, some with a fraction | `float64` |
//! | `true` / `false` | `bool` |
//! | text, every value an ISO date (`2025-03-31`) | `date32` |
//! | other text, enum variants | `utf8` |
//! | lists of text (ids) | `list<utf8>` |
//! | anything else nested | `utf8` holding its JSON |
//!
//! Columns come in the order their field first appears; a field a record leaves out (an
//! optional field) is null in that row. A column whose values mix kinds (say a number in one
//! row and text in another) is text, each value as its JSON.
//! The Python surface hands the batch over through the Arrow PyCapsule interface
//! (`__arrow_c_stream__`), so `pyarrow.table(x)`, `polars.DataFrame(x)` and DuckDB read it
//! without a Python object per row.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch,
    RecordBatchOptions, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use serde::Serialize;
use serde::ser::{self, Impossible};

use crate::error::{ArgumentError, Result};
use crate::model::Status;
use crate::schedule::{Schedule, ScheduleRecord};
use crate::strategy::Strategy;
use jiff::civil::Date;

/// The records as one Arrow record batch: one row per record, one typed column per field (see
/// the module documentation for the types). An empty list gives a batch with no column.
pub fn records_batch<T: Serialize>(rows: &[T]) -> Result<RecordBatch> {
    let mut table = Table::default();
    for (i, row) in rows.iter().enumerate() {
        row.serialize(RowSerializer { table: &mut table })
            .map_err(|e| {
                ArgumentError::at(format!("Arrow export: {}", e.0), format!("rows[{i}]"))
            })?;
        table.rows += 1;
    }
    table.finish()
}

/// Builds a batch field by field, for records that are not Rust values (a binding's list of
/// dictionaries): [`RecordsBuilder::field`] for each field of a row, then
/// [`RecordsBuilder::end_row`]; the same typing as [`records_batch`].
#[derive(Debug, Default)]
pub struct RecordsBuilder {
    table: Table,
}

impl RecordsBuilder {
    /// An empty table.
    pub fn new() -> Self {
        RecordsBuilder::default()
    }

    /// Field `name` of the current row (a field given twice in a row keeps its first value).
    pub fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<()> {
        let row = self.table.rows;
        Fields {
            table: &mut self.table,
            key: None,
        }
        .field(name, value)
        .map_err(|e| {
            ArgumentError::at(format!("Arrow export: {}", e.0), format!("rows[{row}]")).into()
        })
    }

    /// Close the current row; fields it did not give are null.
    pub fn end_row(&mut self) {
        self.table.rows += 1;
    }

    /// The batch.
    pub fn finish(self) -> Result<RecordBatch> {
        self.table.finish()
    }
}

/// One row of [`Strategy::measures_table`]: a measure's plain fields, the title in the
/// document's first language.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureRow<'a> {
    /// Measure id.
    pub id: &'a str,
    /// Direction id.
    pub direction: &'a str,
    /// Title (first language the document gives).
    pub title: &'a str,
    /// Main executor ids.
    pub main_executor: Vec<&'a str>,
    /// Start period as written (`2025-Q2`).
    pub start: Option<String>,
    /// Deadline period as written.
    pub deadline: Option<String>,
    /// Duration in days, when given.
    pub duration_days: Option<i64>,
    /// Status, when reported in the document.
    pub status: Option<crate::model::Status>,
    /// The invented fields (`illustrative`), as text: empty when nothing is.
    pub illustrative: String,
}

impl Strategy {
    /// The measures as plain rows (what `to_pandas()` and the Arrow export show).
    pub fn measures_table(&self) -> Vec<MeasureRow<'_>> {
        self.document()
            .measures
            .iter()
            .map(|m| MeasureRow {
                id: m.id.as_str(),
                direction: m.direction.as_str(),
                title: m.title.best(),
                main_executor: m.main_executor.0.iter().map(|e| e.as_str()).collect(),
                start: m.start.as_ref().map(ToString::to_string),
                deadline: m.deadline.as_ref().map(ToString::to_string),
                duration_days: m.duration_days,
                status: m.status,
                illustrative: m.illustrative.describe(),
            })
            .collect()
    }

    /// The measures as an Arrow record batch.
    pub fn measures_arrow(&self) -> Result<RecordBatch> {
        records_batch(&self.measures_table())
    }
}

impl Schedule {
    /// The schedule's records as an Arrow record batch, with the measure's `title` and
    /// `direction` after its id when the strategy is given: the same columns as
    /// `records_batch(&self.records()?)` (a forecast's and a baseline's optional columns only
    /// when some row has them), in the record's field order, built column by column without a
    /// text per date.
    pub fn to_arrow(&self, strategy: Option<&Strategy>) -> Result<RecordBatch> {
        let records = self.records()?;
        let mut cols = Columns::default();
        cols.text("id", records.iter().map(|r| Some(r.id.as_str())));
        if let Some(s) = strategy {
            let measures = &s.document().measures;
            let measure =
                |r: &ScheduleRecord| s.measure_index(&r.id).map(|i| &measures[i as usize]);
            cols.text(
                "title",
                records.iter().map(|r| measure(r).map(|m| m.title.best())),
            );
            cols.text(
                "direction",
                records
                    .iter()
                    .map(|r| measure(r).map(|m| m.direction.as_str())),
            );
        }
        let int = |f: fn(&ScheduleRecord) -> i64| records.iter().map(move |r| Some(f(r)));
        cols.int("duration", int(|r| r.duration));
        cols.int("early_start", int(|r| r.early_start));
        cols.int("early_finish", int(|r| r.early_finish));
        cols.int("late_start", int(|r| r.late_start));
        cols.int("late_finish", int(|r| r.late_finish));
        cols.int("total_float", int(|r| r.total_float));
        cols.int("free_float", int(|r| r.free_float));
        cols.push(
            "critical",
            Arc::new(BooleanArray::from_iter(
                records.iter().map(|r| Some(r.critical)),
            )),
        );
        let date = |f: fn(&ScheduleRecord) -> Date| records.iter().map(move |r| Some(f(r)));
        cols.date("early_start_date", date(|r| r.early_start_date));
        cols.date("early_finish_date", date(|r| r.early_finish_date));
        cols.date("late_start_date", date(|r| r.late_start_date));
        cols.date("late_finish_date", date(|r| r.late_finish_date));
        if records.iter().any(|r| r.status.is_some()) {
            cols.text(
                "status",
                records.iter().map(|r| r.status.map(Status::as_str)),
            );
        }
        let opt_date = |f: fn(&ScheduleRecord) -> Option<Date>| {
            records
                .iter()
                .any(|r| f(r).is_some())
                .then(|| records.iter().map(f))
        };
        let opt_int = |f: fn(&ScheduleRecord) -> Option<i64>| {
            records
                .iter()
                .any(|r| f(r).is_some())
                .then(|| records.iter().map(f))
        };
        if let Some(v) = opt_date(|r| r.actual_start_date) {
            cols.date("actual_start_date", v);
        }
        if let Some(v) = opt_date(|r| r.actual_finish_date) {
            cols.date("actual_finish_date", v);
        }
        if let Some(v) = opt_int(|r| r.remaining_days) {
            cols.int("remaining_days", v);
        }
        if let Some(v) = opt_date(|r| r.baseline_finish_date) {
            cols.date("baseline_finish_date", v);
        }
        if let Some(v) = opt_int(|r| r.slip_days) {
            cols.int("slip_days", v);
        }
        if let Some(v) = opt_date(|r| r.baseline_start) {
            cols.date("baseline_start", v);
        }
        if let Some(v) = opt_date(|r| r.baseline_finish) {
            cols.date("baseline_finish", v);
        }
        if let Some(v) = opt_int(|r| r.start_variance_days) {
            cols.int("start_variance_days", v);
        }
        if let Some(v) = opt_int(|r| r.finish_variance_days) {
            cols.int("finish_variance_days", v);
        }
        if records.iter().any(|r| r.illustrative) {
            cols.push(
                "illustrative",
                Arc::new(BooleanArray::from_iter(
                    records.iter().map(|r| Some(r.illustrative)),
                )),
            );
        }
        cols.finish(records.len())
    }
}

/// Typed columns built directly (the schedule's fast path).
#[derive(Default)]
struct Columns {
    fields: Vec<Field>,
    arrays: Vec<ArrayRef>,
}

impl Columns {
    fn push(&mut self, name: &str, array: ArrayRef) {
        self.fields
            .push(Field::new(name, array.data_type().clone(), true));
        self.arrays.push(array);
    }
    fn text<'a>(&mut self, name: &str, values: impl Iterator<Item = Option<&'a str>>) {
        self.push(name, Arc::new(StringArray::from_iter(values)));
    }
    fn int(&mut self, name: &str, values: impl Iterator<Item = Option<i64>>) {
        self.push(name, Arc::new(Int64Array::from_iter(values)));
    }
    fn date(&mut self, name: &str, values: impl Iterator<Item = Option<Date>>) {
        let days = values.map(|d| d.map(crate::dates::day_number_i32));
        self.push(name, Arc::new(Date32Array::from_iter(days)));
    }
    fn finish(self, rows: usize) -> Result<RecordBatch> {
        let options = RecordBatchOptions::new().with_row_count(Some(rows));
        RecordBatch::try_new_with_options(Arc::new(Schema::new(self.fields)), self.arrays, &options)
            .map_err(|e| ArgumentError::at(format!("Arrow export: {e}"), "rows").into())
    }
}

/// The values of one column, typed by what it has seen so far.
#[derive(Debug)]
enum Values {
    /// Only nulls yet.
    Nulls,
    Ints(Vec<Option<i64>>),
    Floats(Vec<Option<f64>>),
    Bools(Vec<Option<bool>>),
    Texts(Vec<Option<String>>),
    Lists(Vec<Option<Vec<String>>>),
    /// Mixed kinds or nested values: each value's JSON.
    Json(Vec<Option<String>>),
}

/// One value of a field.
#[derive(Debug)]
enum Scalar {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String),
    List(Vec<String>),
    Json(String),
}

impl Scalar {
    fn json(&self) -> Option<String> {
        match self {
            Scalar::Null => None,
            Scalar::Int(v) => Some(v.to_string()),
            Scalar::Float(v) => Some(serde_json::to_string(v).unwrap_or_default()),
            Scalar::Bool(v) => Some(v.to_string()),
            Scalar::Text(v) => Some(serde_json::Value::from(v.as_str()).to_string()),
            Scalar::List(v) => Some(serde_json::to_string(v).unwrap_or_default()),
            Scalar::Json(v) => Some(v.clone()),
        }
    }
}

#[derive(Debug)]
struct Column {
    name: String,
    values: Values,
    /// Rows filled (nulls included).
    len: usize,
}

impl Column {
    fn push(&mut self, v: Scalar) {
        self.len += 1;
        let fits = matches!(
            (&self.values, &v),
            (_, Scalar::Null)
                | (Values::Ints(_), Scalar::Int(_))
                | (Values::Floats(_), Scalar::Float(_) | Scalar::Int(_))
                | (Values::Bools(_), Scalar::Bool(_))
                | (Values::Texts(_), Scalar::Text(_))
                | (Values::Lists(_), Scalar::List(_))
                | (Values::Json(_), _)
        );
        if !fits {
            self.retype(&v);
        }
        match (&mut self.values, v) {
            (Values::Nulls, Scalar::Null) => {}
            (Values::Ints(c), Scalar::Int(x)) => c.push(Some(x)),
            (Values::Floats(c), Scalar::Float(x)) => c.push(Some(x)),
            (Values::Floats(c), Scalar::Int(x)) => c.push(Some(x as f64)),
            (Values::Bools(c), Scalar::Bool(x)) => c.push(Some(x)),
            (Values::Texts(c), Scalar::Text(x)) => c.push(Some(x)),
            (Values::Lists(c), Scalar::List(x)) => c.push(Some(x)),
            (Values::Json(c), x) => c.push(x.json()),
            (Values::Ints(c), Scalar::Null) => c.push(None),
            (Values::Floats(c), Scalar::Null) => c.push(None),
            (Values::Bools(c), Scalar::Null) => c.push(None),
            (Values::Texts(c), Scalar::Null) => c.push(None),
            (Values::Lists(c), Scalar::Null) => c.push(None),
            // `retype` made every other pair fit.
            (_, _) => {}
        }
    }

    /// Change the column's type so that `v` fits: the first value after nulls sets it; an
    /// integer column meeting a fraction becomes float; any other mix becomes JSON text.
    fn retype(&mut self, v: &Scalar) {
        let filled = self.len - 1;
        self.values = match (std::mem::replace(&mut self.values, Values::Nulls), v) {
            (Values::Nulls, Scalar::Int(_)) => Values::Ints(vec![None; filled]),
            (Values::Nulls, Scalar::Float(_)) => Values::Floats(vec![None; filled]),
            (Values::Nulls, Scalar::Bool(_)) => Values::Bools(vec![None; filled]),
            (Values::Nulls, Scalar::Text(_)) => Values::Texts(vec![None; filled]),
            (Values::Nulls, Scalar::List(_)) => Values::Lists(vec![None; filled]),
            (Values::Nulls, _) => Values::Json(vec![None; filled]),
            (Values::Ints(c), Scalar::Float(_)) => {
                Values::Floats(c.into_iter().map(|x| x.map(|x| x as f64)).collect())
            }
            (old, _) => Values::Json(old.into_json(filled)),
        };
    }

    /// Pad with nulls up to `rows`.
    fn pad(&mut self, rows: usize) {
        while self.len < rows {
            self.push(Scalar::Null);
        }
    }

    fn array(self) -> (Field, ArrayRef) {
        let (ty, array): (DataType, ArrayRef) = match self.values {
            Values::Nulls => (
                DataType::Utf8,
                Arc::new(StringArray::from(vec![None::<&str>; self.len])),
            ),
            Values::Ints(c) => (DataType::Int64, Arc::new(Int64Array::from(c))),
            Values::Floats(c) => (DataType::Float64, Arc::new(Float64Array::from(c))),
            Values::Bools(c) => (DataType::Boolean, Arc::new(BooleanArray::from(c))),
            Values::Texts(c) => match dates_of(&c) {
                Some(days) => (DataType::Date32, Arc::new(Date32Array::from(days))),
                None => (DataType::Utf8, Arc::new(StringArray::from(c))),
            },
            Values::Json(c) => (DataType::Utf8, Arc::new(StringArray::from(c))),
            Values::Lists(c) => {
                let mut b = ListBuilder::new(StringBuilder::new());
                for row in c {
                    match row {
                        Some(items) => {
                            for s in items {
                                b.values().append_value(s);
                            }
                            b.append(true);
                        }
                        None => b.append(false),
                    }
                }
                let array = b.finish();
                (array.data_type().clone(), Arc::new(array))
            }
        };
        (Field::new(self.name, ty, true), array)
    }
}

impl Values {
    /// Every value so far as JSON text (`filled` rows).
    fn into_json(self, filled: usize) -> Vec<Option<String>> {
        let json = |s: Scalar| s.json();
        match self {
            Values::Nulls => vec![None; filled],
            Values::Ints(c) => c
                .into_iter()
                .map(|x| x.and_then(|x| json(Scalar::Int(x))))
                .collect(),
            Values::Floats(c) => c
                .into_iter()
                .map(|x| x.and_then(|x| json(Scalar::Float(x))))
                .collect(),
            Values::Bools(c) => c
                .into_iter()
                .map(|x| x.and_then(|x| json(Scalar::Bool(x))))
                .collect(),
            Values::Texts(c) => c
                .into_iter()
                .map(|x| x.and_then(|x| json(Scalar::Text(x))))
                .collect(),
            Values::Lists(c) => c
                .into_iter()
                .map(|x| x.and_then(|x| json(Scalar::List(x))))
                .collect(),
            Values::Json(c) => c,
        }
    }
}

/// The days since 1970-01-01 of every value, when every non-null value is an ISO date and at
/// least one is; else `None` (the column stays text).
fn dates_of(values: &[Option<String>]) -> Option<Vec<Option<i32>>> {
    let mut any = false;
    let days = values
        .iter()
        .map(|v| match v {
            None => Some(None),
            Some(s) if s.len() == 10 => {
                any = true;
                crate::dates::parse_iso(s).map(|d| Some(crate::dates::day_number_i32(d)))
            }
            Some(_) => None,
        })
        .collect::<Option<Vec<_>>>()?;
    any.then_some(days)
}

#[derive(Debug, Default)]
struct Table {
    columns: Vec<Column>,
    index: hashbrown::HashMap<String, usize>,
    rows: usize,
}

impl Table {
    fn put(&mut self, name: &str, v: Scalar) {
        let k = match self.index.get(name) {
            Some(&k) => k,
            None => {
                self.columns.push(Column {
                    name: name.to_owned(),
                    values: Values::Nulls,
                    len: 0,
                });
                self.index.insert(name.to_owned(), self.columns.len() - 1);
                self.columns.len() - 1
            }
        };
        let c = &mut self.columns[k];
        c.pad(self.rows);
        if c.len > self.rows {
            // The same key twice in one record (a map): the last value wins, as in JSON.
            return;
        }
        c.push(v);
    }

    fn finish(self) -> Result<RecordBatch> {
        let rows = self.rows;
        let (fields, arrays): (Vec<Field>, Vec<ArrayRef>) = self
            .columns
            .into_iter()
            .map(|mut c| {
                c.pad(rows);
                c.array()
            })
            .unzip();
        let options = RecordBatchOptions::new().with_row_count(Some(rows));
        RecordBatch::try_new_with_options(Arc::new(Schema::new(fields)), arrays, &options)
            .map_err(|e| ArgumentError::at(format!("Arrow export: {e}"), "rows").into())
    }
}

/// Why a record could not be read as a row.
#[derive(Debug)]
struct RowError(String);

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RowError {}

impl ser::Error for RowError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        RowError(msg.to_string())
    }
}

/// Serializes one record (a struct or a map with text keys) into the table's columns.
struct RowSerializer<'t> {
    table: &'t mut Table,
}

/// The fields of one record.
struct Fields<'t> {
    table: &'t mut Table,
    key: Option<String>,
}

impl Fields<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), RowError> {
        let v = match value.serialize(ScalarSerializer) {
            Ok(v) => v,
            Err(_) => Scalar::Json(
                serde_json::to_string(value).map_err(|e| RowError(format!("{name}: {e}")))?,
            ),
        };
        self.table.put(name, v);
        Ok(())
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = RowError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), RowError> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), RowError> {
        Ok(())
    }
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = RowError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), RowError> {
        match key.serialize(ScalarSerializer)? {
            Scalar::Text(k) => {
                self.key = Some(k);
                Ok(())
            }
            other => Err(RowError(format!("a record's keys are text, not {other:?}"))),
        }
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), RowError> {
        let key = self.key.take().unwrap_or_default();
        self.field(&key, value)
    }
    fn end(self) -> Result<(), RowError> {
        Ok(())
    }
}

macro_rules! not_a_record {
    ($($method:ident($($arg:ty),*)),* $(,)?) => {
        $(fn $method(self, $(_: $arg),*) -> Result<(), RowError> {
            Err(RowError("each row must be a record (an object with named fields)".into()))
        })*
    };
}

impl<'t> ser::Serializer for RowSerializer<'t> {
    type Ok = ();
    type Error = RowError;
    type SerializeSeq = Impossible<(), RowError>;
    type SerializeTuple = Impossible<(), RowError>;
    type SerializeTupleStruct = Impossible<(), RowError>;
    type SerializeTupleVariant = Impossible<(), RowError>;
    type SerializeMap = Fields<'t>;
    type SerializeStruct = Fields<'t>;
    type SerializeStructVariant = Impossible<(), RowError>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'t>, RowError> {
        Ok(Fields {
            table: self.table,
            key: None,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'t>, RowError> {
        Ok(Fields {
            table: self.table,
            key: None,
        })
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), RowError> {
        value.serialize(self)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), RowError> {
        value.serialize(self)
    }
    not_a_record!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_none(),
        serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    );
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), RowError> {
        Err(RowError("each row must be a record".into()))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, RowError> {
        Err(RowError("each row must be a record, not a list".into()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, RowError> {
        Err(RowError("each row must be a record, not a list".into()))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, RowError> {
        Err(RowError("each row must be a record, not a list".into()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, RowError> {
        Err(RowError("each row must be a record".into()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, RowError> {
        Err(RowError("each row must be a record".into()))
    }
}

/// Serializes one field's value as a [`Scalar`]; nested values other than a list of text are
/// refused, and the caller stores their JSON instead.
struct ScalarSerializer;

/// Collects a list's items, as long as each is text.
struct TextList(Vec<String>);

impl ser::SerializeSeq for TextList {
    type Ok = Scalar;
    type Error = RowError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), RowError> {
        match value.serialize(ScalarSerializer)? {
            Scalar::Text(s) => {
                self.0.push(s);
                Ok(())
            }
            _ => Err(RowError("nested".into())),
        }
    }
    fn end(self) -> Result<Scalar, RowError> {
        Ok(Scalar::List(self.0))
    }
}

fn nested<T>() -> Result<T, RowError> {
    Err(RowError("nested".into()))
}

impl ser::Serializer for ScalarSerializer {
    type Ok = Scalar;
    type Error = RowError;
    type SerializeSeq = TextList;
    type SerializeTuple = Impossible<Scalar, RowError>;
    type SerializeTupleStruct = Impossible<Scalar, RowError>;
    type SerializeTupleVariant = Impossible<Scalar, RowError>;
    type SerializeMap = Impossible<Scalar, RowError>;
    type SerializeStruct = Impossible<Scalar, RowError>;
    type SerializeStructVariant = Impossible<Scalar, RowError>;

    fn serialize_bool(self, v: bool) -> Result<Scalar, RowError> {
        Ok(Scalar::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Scalar, RowError> {
        Ok(Scalar::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Scalar, RowError> {
        Ok(Scalar::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Scalar, RowError> {
        Ok(Scalar::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Scalar, RowError> {
        Ok(Scalar::Int(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Scalar, RowError> {
        Ok(Scalar::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Scalar, RowError> {
        Ok(Scalar::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Scalar, RowError> {
        Ok(Scalar::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Scalar, RowError> {
        // Above i64::MAX it is still a number: a float keeps its size.
        Ok(i64::try_from(v).map_or(Scalar::Float(v as f64), Scalar::Int))
    }
    fn serialize_f32(self, v: f32) -> Result<Scalar, RowError> {
        Ok(Scalar::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Scalar, RowError> {
        Ok(Scalar::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Scalar, RowError> {
        Ok(Scalar::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Scalar, RowError> {
        Ok(Scalar::Text(v.to_owned()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Scalar, RowError> {
        nested()
    }
    fn serialize_none(self) -> Result<Scalar, RowError> {
        Ok(Scalar::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Scalar, RowError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Scalar, RowError> {
        Ok(Scalar::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Scalar, RowError> {
        Ok(Scalar::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Scalar, RowError> {
        Ok(Scalar::Text(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Scalar, RowError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Scalar, RowError> {
        nested()
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<TextList, RowError> {
        Ok(TextList(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, RowError> {
        nested()
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, RowError> {
        nested()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, RowError> {
        nested()
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, RowError> {
        nested()
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, RowError> {
        nested()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, RowError> {
        nested()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int64Type};

    #[derive(Serialize)]
    struct Row {
        id: &'static str,
        n: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        share: Option<f64>,
        day: &'static str,
        tags: Vec<&'static str>,
        flag: bool,
    }

    #[test]
    fn types_come_from_the_values_and_missing_fields_are_null() {
        let rows = [
            Row {
                id: "a",
                n: 1,
                share: None,
                day: "2025-03-31",
                tags: vec!["x"],
                flag: true,
            },
            Row {
                id: "b",
                n: 2,
                share: Some(0.5),
                day: "1970-01-02",
                tags: vec![],
                flag: false,
            },
        ];
        let b = records_batch(&rows).unwrap();
        let schema = b.schema();
        let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        // `share` first appears in row 2, after `day` and the rest of row 1.
        assert_eq!(names, ["id", "n", "day", "tags", "flag", "share"]);
        assert_eq!(b.num_rows(), 2);
        assert_eq!(b.column(1).as_primitive::<Int64Type>().values(), &[1, 2]);
        let share = b.column(5).as_primitive::<Float64Type>();
        assert!(share.is_null(0));
        assert_eq!(share.value(1), 0.5);
        let day = b.column(2).as_primitive::<Date32Type>();
        assert_eq!(day.value(1), 1);
        assert_eq!(day.value(0), 20_178);
        assert_eq!(
            b.column(3).data_type(),
            &DataType::new_list(DataType::Utf8, true)
        );
        assert!(b.column(4).as_boolean().value(0));
    }

    #[test]
    fn mixed_kinds_become_json_text_and_ints_widen_to_floats() {
        let rows: Vec<serde_json::Value> = vec![
            serde_json::json!({"v": 1, "w": 1, "d": "2025-01-01"}),
            serde_json::json!({"v": "x", "w": 2.5, "d": "soon"}),
            serde_json::json!({"v": {"k": 1}}),
        ];
        let b = records_batch(&rows).unwrap();
        // serde_json's maps are sorted by key: columns d, v, w.
        let v = b.column_by_name("v").unwrap().as_string::<i32>();
        assert_eq!(
            (v.value(0), v.value(1), v.value(2)),
            ("1", "\"x\"", "{\"k\":1}")
        );
        let w = b.column_by_name("w").unwrap().as_primitive::<Float64Type>();
        assert_eq!((w.value(0), w.value(1)), (1.0, 2.5));
        assert!(w.is_null(2));
        // Not every value is a date: the column stays text.
        assert_eq!(b.column_by_name("d").unwrap().data_type(), &DataType::Utf8);
    }

    #[test]
    fn an_empty_list_is_an_empty_batch_and_a_non_record_is_an_error() {
        let b = records_batch::<Row>(&[]).unwrap();
        assert_eq!((b.num_rows(), b.num_columns()), (0, 0));
        let err = records_batch(&[1, 2]).unwrap_err();
        assert!(err.to_string().contains("record"), "{err}");
    }
}
