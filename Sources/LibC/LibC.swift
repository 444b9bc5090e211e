// The platform's C library, imported in one place: a module that calls it (file descriptors, signals, `stat`,
// `posix_spawn`, `setlocale`) imports `LibC` instead of choosing between Glibc, Musl and Darwin itself.
#if canImport(Glibc)
    @_exported import Glibc
#elseif canImport(Musl)
    @_exported import Musl
#elseif canImport(Darwin)
    @_exported import Darwin
#endif

/// Gives the memory freed since the last call back to the system (glibc keeps freed blocks for reuse, and a block
/// freed by another thread stays in that thread's arena): after dropping a large transient structure, so that the
/// resident size says what the program holds.
public func returnFreedMemory() {
    #if canImport(Glibc)
        // glibc's `malloc_trim`, which its Swift module map does not import.
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
    #endif
}
