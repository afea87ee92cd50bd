//! Compressed sizes as a server would send the widget's files: gzip -9 and brotli q11.
//! Shared by the first-load check (`tests/size.rs`) and the browser benchmark.

use std::io::Write;

/// Bytes of `bytes` gzipped at the best level.
pub fn gzip_len(bytes: &[u8]) -> usize {
    gzip(bytes).len()
}

/// `bytes` gzipped at the best level.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).expect("gzip in memory");
    e.finish().expect("gzip in memory")
}

/// Bytes of `bytes` brotli-compressed at quality 11.
pub fn brotli_len(bytes: &[u8]) -> usize {
    brotli(bytes, 11).len()
}

/// `bytes` brotli-compressed at `quality` (0–11), as a server sends them.
pub fn brotli(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli in memory");
    out
}
