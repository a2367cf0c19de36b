namespace Parley.Core.Media;

/// <summary>
/// The files one upload writes. Each is written under a hidden temporary name in its final folder
/// and then renamed, so a reader never sees half a file; <see cref="DeleteAll"/> removes everything
/// written when a later step fails, so nothing is left half-saved.
/// </summary>
internal sealed class FileBatch
{
    private readonly List<string> _written = [];

    public IReadOnlyList<string> Written => _written;

    /// <summary>Runs <paramref name="write"/> on a temporary path, then moves the file into place.</summary>
    public string Write(string finalPath, Action<string> write)
    {
        var folder = Path.GetDirectoryName(finalPath)!;
        // A leading dot: the static file server does not serve hidden names.
        var temp = Path.Combine(folder, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            write(temp);
            File.Move(temp, finalPath, overwrite: false);
            _written.Add(finalPath);
            return finalPath;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    public void DeleteAll()
    {
        foreach (var path in _written) TryDelete(path);
        _written.Clear();
    }

    internal static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
