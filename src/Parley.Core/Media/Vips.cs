using NetVips;

namespace Parley.Core.Media;

/// <summary>
/// libvips' process-wide settings, applied once before the first image is opened. They are safety
/// settings for images from people we do not know:
/// <list type="bullet">
/// <item>The operation cache is off (<c>Cache.Max = 0</c>). It would keep recent operations, and with
/// them their source files and decoded pixels, alive after an upload finished; uploads never repeat an
/// operation, so it could only cost memory (and hold deleted temp files open).</item>
/// <item>Every loader is blocked except the five formats we accept. <see cref="MediaFormat"/> already
/// refuses other files by their bytes; this makes sure libvips' own guessing (in <c>thumbnail</c>) can
/// never reach a loader for an exotic format with a larger attack surface (TIFF, SVG, PDF, Matlab…).</item>
/// <item>Loaders that libvips itself marks untrusted stay blocked too (<c>BlockUntrusted</c>).</item>
/// </list>
/// Images are opened with <c>fail_on=error</c> (what <c>fail: true</c> became in libvips 8.12+): a
/// damaged or cut-short file is refused instead of being stored with grey bands where data was missing.
/// Warnings are tolerated, since many cameras write JPEGs with harmless oddities.
/// <para>libvips' own warnings (one per tile of a damaged image) are not written to the console: a
/// failure reaches us as a <see cref="VipsException"/> and is logged once, with the upload.</para>
/// </summary>
internal static class Vips
{
    // Kept in a field: libvips calls it from native code, so the collector must not take it.
    private static readonly Log.LogDelegate Quiet = (_, _, _) => { };

    private static readonly Lazy<bool> Configured = new(() =>
    {
        Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning | Enums.LogLevelFlags.Message | Enums.LogLevelFlags.Info | Enums.LogLevelFlags.Debug, Quiet);
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        NetVips.NetVips.BlockUntrusted = true;
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in new[] { "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif", "VipsForeignLoadHeif" })
            Operation.Block(loader, false);
        return true;
    });

    public static void EnsureConfigured() => _ = Configured.Value;
}
