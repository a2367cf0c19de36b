namespace Parley.Core.Archive;

/// <summary>The archive cannot be written or read back; the message is one line, for the person running the command.</summary>
public sealed class ArchiveException(string message, Exception? inner = null) : Exception(message, inner);
