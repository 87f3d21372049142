import Foundation

/// Writes a line to standard output at once (unbuffered), so a demo killed mid-run leaves a
/// complete log behind.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
