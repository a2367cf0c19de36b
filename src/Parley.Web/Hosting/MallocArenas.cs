using System.Runtime.InteropServices;

namespace Parley.Web.Hosting;

/// <summary>
/// Caps glibc's malloc at two arenas, as <c>MALLOC_ARENA_MAX=2</c> would. By default glibc gives every thread
/// that finds the allocator busy an arena of its own (up to eight per core) and keeps what is freed in each, so
/// native memory from SQLite, the JIT and the runtime piles up across arenas: measured on the large benchmark
/// site, the same load peaked at 480 MB resident with the default and 340 MB with two (docs/benchmarks.md).
/// It must run first thing in Main, while glibc has not yet settled on its limit (it does so once it has
/// made a handful of arenas). An operator's own MALLOC_ARENA_MAX or GLIBC_TUNABLES wins; other C libraries
/// (musl) have no such arenas and are left alone.
/// </summary>
internal static class MallocArenas
{
    private const int ArenaMaxOption = -8; // M_ARENA_MAX in glibc's malloc.h
    private const int Arenas = 2;

    public static void Limit()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null ||
            Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is not null)
            return;
        try { _ = mallopt(ArenaMaxOption, Arenas); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { /* not glibc */ }
    }

    // DllImport rather than LibraryImport: two ints need no marshalling, and the latter would need unsafe code.
    [DllImport("libc.so.6")]
    private static extern int mallopt(int option, int value);
}
