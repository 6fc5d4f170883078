//! Bytes into the spreadsheet readers (`Strategy::from_xlsx`, `from_csv`) and, when a plan comes
//! out, the lossless round trip through `to_xlsx`: never a panic, every finding located.
#![no_main]

use eculture::Strategy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for s in [Strategy::from_xlsx(data, None, None), Strategy::from_csv(data, None)]
        .into_iter()
        .flatten()
    {
        for d in s.validate() {
            if matches!(d.code, eculture::Code::UnreadableCell | eculture::Code::UnplacedCell) {
                assert!(d.sheet.is_some(), "{d}");
            }
        }
        if let Ok(bytes) = s.to_xlsx() {
            let back = Strategy::from_xlsx(&bytes, None, None).expect("its own workbook reads");
            assert_eq!(back.document(), s.document());
        }
    }
});
