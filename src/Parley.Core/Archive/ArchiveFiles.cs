using System.Security.Cryptography;

namespace Parley.Core.Archive;

/// <summary>Files and folders of an archive are made owner-only: it holds password hashes and secrets.</summary>
internal static class ArchiveFiles
{
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = ArchiveFormat.FileMode;
        return new FileStream(path, options);
    }

    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, ArchiveFormat.FolderMode);
    }

    public static async Task<(long Size, string Sha256)> HashAsync(string path, CancellationToken ct)
    {
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        var hash = await SHA256.HashDataAsync(input, ct);
        return (input.Length, Convert.ToHexStringLower(hash));
    }

    public static void TryDelete(string? folder)
    {
        if (folder is null) return;
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* a leftover temp folder is harmless */ }
    }
}
