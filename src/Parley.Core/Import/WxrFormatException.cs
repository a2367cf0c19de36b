namespace Parley.Core.Import;

/// <summary>Why a file could not be read (further) as a WordPress export.</summary>
public enum WxrProblem { Doctype, NotWellFormed, Truncated, NotWxr, UnsupportedVersion }

/// <summary>
/// The file is not a WordPress export Parley can read, or stops being one part way through. The message
/// is meant for the person importing; <see cref="Line"/>, <see cref="Position"/> and <see cref="ItemsRead"/>
/// say how far reading got.
/// </summary>
public sealed class WxrFormatException(WxrProblem problem, string message, int? line = null, int? position = null, int itemsRead = 0, Exception? inner = null)
    : Exception(message, inner)
{
    public WxrProblem Problem { get; } = problem;
    public int? Line { get; } = line;
    public int? Position { get; } = position;
    /// <summary>Whole items read before the problem; none of them is affected by it.</summary>
    public int ItemsRead { get; } = itemsRead;
}
