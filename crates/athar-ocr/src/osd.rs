//! Page orientation in quarter turns, with Tesseract's orientation and script detection
//! (the `osd` language data). The safe `tesseract` wrapper does not expose it, so this module
//! calls the C API of `tesseract-sys` (the crate `tesseract` itself is built on) through a
//! handle it owns and frees.

use std::ffi::{c_char, c_int, CString};
use std::ptr;

use athar_extract::PageImage;
use tesseract_sys::{
    TessBaseAPI, TessBaseAPICreate, TessBaseAPIDelete, TessBaseAPIDetectOrientationScript,
    TessBaseAPIEnd, TessBaseAPIInit3, TessBaseAPISetImage, TessBaseAPISetPageSegMode,
    TessBaseAPISetSourceResolution, TessPageSegMode_PSM_OSD_ONLY,
};

/// Below this orientation confidence the page is left as it is.
pub const MIN_ORIENTATION_CONFIDENCE: f32 = 1.5;

/// What OSD found on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Orientation {
    /// Clockwise rotation that makes the page upright: 0, 90, 180 or 270.
    pub rotation: u16,
    pub confidence: f32,
    /// Tesseract's script name: `Latin`, `Arabic`, `Common`...
    pub script: String,
    pub script_confidence: f32,
}

/// An orientation detector over the `osd` language data.
pub struct Osd {
    handle: *mut TessBaseAPI,
}

impl Osd {
    /// Loads the `osd` data from `datapath` (Tesseract's default when `None`).
    pub fn new(datapath: Option<&str>) -> Result<Osd, String> {
        let datapath = datapath
            .map(CString::new)
            .transpose()
            .map_err(|e| e.to_string())?;
        let lang = CString::new("osd").map_err(|e| e.to_string())?;
        // SAFETY: the handle is created here, used only through `&mut self` and freed in
        // `Drop`; the strings outlive the call.
        unsafe {
            let handle = TessBaseAPICreate();
            if handle.is_null() {
                return Err("TessBaseAPICreate failed".into());
            }
            let path = datapath.as_ref().map_or(ptr::null(), |p| p.as_ptr());
            if TessBaseAPIInit3(handle, path, lang.as_ptr()) != 0 {
                TessBaseAPIDelete(handle);
                return Err("the osd language data is missing".into());
            }
            TessBaseAPISetPageSegMode(handle, TessPageSegMode_PSM_OSD_ONLY);
            Ok(Osd { handle })
        }
    }

    /// The clockwise rotation (0, 90, 180, 270) that makes the page upright with the
    /// detector's confidence, and the page's main script (`Latin`, `Arabic`...) with its
    /// confidence; `None` when it cannot tell (too little text).
    pub fn detect(&mut self, page: &PageImage) -> Option<Orientation> {
        let (w, h) = (
            c_int::try_from(page.width).ok()?,
            c_int::try_from(page.height).ok()?,
        );
        if page.gray.len() != page.width as usize * page.height as usize {
            return None;
        }
        let mut deg: c_int = 0;
        let mut conf: f32 = 0.0;
        let mut script: *const c_char = ptr::null();
        let mut script_conf: f32 = 0.0;
        // SAFETY: the image buffer has `w * h` bytes (checked above) and outlives the call;
        // Tesseract copies it. Out-parameters point to locals.
        let ok = unsafe {
            TessBaseAPISetImage(self.handle, page.gray.as_ptr(), w, h, 1, w);
            TessBaseAPISetSourceResolution(self.handle, page.dpi.unwrap_or(300) as c_int);
            TessBaseAPIDetectOrientationScript(
                self.handle,
                &mut deg,
                &mut conf,
                &mut script,
                &mut script_conf,
            )
        };
        if ok == 0 {
            return None;
        }
        // Tesseract reports how far the text is turned clockwise; turning the image the
        // rest of the way round makes it upright (its command line prints this as "Rotate").
        let rotation = ((360 - deg.rem_euclid(360) / 90 * 90) % 360) as u16;
        let script = if script.is_null() {
            String::new()
        } else {
            // SAFETY: Tesseract returns a NUL-terminated name of a static script table entry.
            unsafe { std::ffi::CStr::from_ptr(script) }
                .to_string_lossy()
                .into_owned()
        };
        Some(Orientation {
            rotation,
            confidence: conf,
            script,
            script_confidence: script_conf,
        })
    }
}

impl Drop for Osd {
    fn drop(&mut self) {
        // SAFETY: the handle was created by `TessBaseAPICreate` and is freed once.
        unsafe {
            TessBaseAPIEnd(self.handle);
            TessBaseAPIDelete(self.handle);
        }
    }
}
