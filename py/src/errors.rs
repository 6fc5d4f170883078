//! The one place where [`eculture::Error`] becomes a Python exception.
//!
//! The exception classes live in Python (`eculture/_errors.py`) because
//! `EcultureIOError` derives from both `EcultureError` (a `ValueError`) and `OSError`, which
//! `create_exception!` cannot express, and because plain Python classes pickle and introspect
//! like any other exception. Each variant maps to one class; its structured fields become
//! keyword arguments, so the Python side is a plain record. A variant added to the core later
//! falls back to the base class, with the core's `code`. An I/O error from the operating system
//! carries its `errno` and, for the kinds Python maps to a builtin subclass (`FileNotFoundError`,
//! `PermissionError`, ...), is raised as a class that derives from that builtin too.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

use crate::diagnostic::Diagnostic;

const MODULE: &str = "eculture._errors";

/// The exception class `name` from `eculture._errors`, imported once.
macro_rules! class {
    ($py:expr, $name:literal) => {{
        static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        CLASS.import($py, MODULE, $name)
    }};
}

/// Convert a core error.
pub(crate) fn to_py_err(py: Python<'_>, err: &eculture::Error) -> PyErr {
    match build(py, err) {
        Ok(e) | Err(e) => e,
    }
}

/// The `errno` name of an operating-system error kind, when there is a standard one.
fn errno_name(kind: std::io::ErrorKind) -> Option<&'static str> {
    use std::io::ErrorKind as K;
    Some(match kind {
        K::NotFound => "ENOENT",
        K::PermissionDenied => "EACCES",
        K::AlreadyExists => "EEXIST",
        K::IsADirectory => "EISDIR",
        K::NotADirectory => "ENOTDIR",
        K::DirectoryNotEmpty => "ENOTEMPTY",
        K::ReadOnlyFilesystem => "EROFS",
        K::StorageFull => "ENOSPC",
        K::QuotaExceeded => "EDQUOT",
        K::FileTooLarge => "EFBIG",
        K::InvalidFilename => "ENAMETOOLONG",
        K::TooManyLinks => "EMLINK",
        K::ResourceBusy => "EBUSY",
        K::ExecutableFileBusy => "ETXTBSY",
        K::CrossesDevices => "EXDEV",
        K::StaleNetworkFileHandle => "ESTALE",
        K::NotSeekable => "ESPIPE",
        K::Deadlock => "EDEADLK",
        K::Interrupted => "EINTR",
        K::TimedOut => "ETIMEDOUT",
        K::WouldBlock => "EAGAIN",
        K::OutOfMemory => "ENOMEM",
        K::InvalidInput => "EINVAL",
        K::Unsupported => "EOPNOTSUPP",
        _ => return None,
    })
}

/// The class of an I/O error. For the kinds that Python itself maps to an `OSError` subclass
/// (`FileNotFoundError`, ...), a class deriving from both `EcultureIOError` and that builtin, so
/// that `except FileNotFoundError` catches a missing file; `EcultureIOError` otherwise.
fn io_class<'py>(
    py: Python<'py>,
    kind: Option<std::io::ErrorKind>,
) -> PyResult<&'py Bound<'py, PyType>> {
    use std::io::ErrorKind as K;
    match kind {
        Some(K::NotFound) => class!(py, "EcultureFileNotFoundError"),
        Some(K::PermissionDenied) => class!(py, "EculturePermissionError"),
        Some(K::AlreadyExists) => class!(py, "EcultureFileExistsError"),
        Some(K::IsADirectory) => class!(py, "EcultureIsADirectoryError"),
        Some(K::NotADirectory) => class!(py, "EcultureNotADirectoryError"),
        _ => class!(py, "EcultureIOError"),
    }
}

/// The `errno` value of an I/O error, looked up in Python's `errno` module (the numbers differ
/// between platforms); None when the error did not come from the operating system.
fn errno_value(py: Python<'_>, kind: Option<std::io::ErrorKind>) -> PyResult<Option<i64>> {
    let Some(name) = kind.and_then(errno_name) else {
        return Ok(None);
    };
    match py.import("errno")?.getattr(name) {
        Ok(value) => Ok(Some(value.extract()?)),
        Err(_) => Ok(None), // not defined on this platform
    }
}

fn build(py: Python<'_>, err: &eculture::Error) -> PyResult<PyErr> {
    let info = eculture::api::ErrorInfo::from(err);
    // every field of the core's one error shape becomes a keyword argument
    let kw = PyDict::new(py);
    kw.set_item("code", info.code)?;
    kw.set_item("path", &info.path)?;
    kw.set_item("location", &info.location)?;
    kw.set_item("line", info.line)?;
    kw.set_item("column", info.column)?;
    kw.set_item("source", &info.source)?;
    kw.set_item("format", info.format)?;
    kw.set_item("id", &info.id)?;
    kw.set_item("kind", &info.kind)?;
    kw.set_item("cycle", &info.cycle)?;
    kw.set_item(
        "diagnostics",
        info.diagnostics.as_deref().map(Diagnostic::list),
    )?;
    let class = match info.name {
        "ParseError" => class!(py, "ParseError")?,
        "IoError" => {
            let kind = match err {
                eculture::Error::Io(e) => e.kind(),
                _ => None,
            };
            kw.set_item("errno", errno_value(py, kind)?)?;
            io_class(py, kind)?
        }
        "ValidationError" => class!(py, "ValidationError")?,
        "CycleError" => class!(py, "CycleError")?,
        "ArgumentError" => class!(py, "ArgumentError")?,
        "ScheduleError" => class!(py, "ScheduleError")?,
        _ => class!(py, "EcultureError")?,
    };
    let exc = class.call((info.message,), Some(&kw))?;
    Ok(PyErr::from_value(exc))
}
