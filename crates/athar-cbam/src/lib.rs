//! CBAM installations, goods and specific embedded emissions (work in progress).
