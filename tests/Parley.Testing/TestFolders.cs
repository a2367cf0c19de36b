namespace Parley.Testing;

/// <summary>Temp folders that tests create and remove, so a run leaves nothing behind.</summary>
public static class TestFolders
{
    public static string Create(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string? path)
    {
        if (path is null || !Directory.Exists(path)) return;
        try { Directory.Delete(path, recursive: true); }
        catch (IOException) { /* a file still open by a finishing process; the temp folder is cleaned by the OS */ }
    }
}
