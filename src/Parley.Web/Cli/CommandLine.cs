namespace Parley.Web.Cli;

/// <summary>
/// The command-line face of the Parley executable. With no arguments, or <c>serve</c>, it runs the
/// site; <c>help</c> lists the commands. Later commands (import, export, backup) are added here.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        Usage: Parley [command] [options]

        Commands:
          serve      Run the site (the default). Options such as --urls http://127.0.0.1:5000 and
                     --Parley:DataPath=/srv/parley are passed to the server.
          help       Show this text.

        Configuration keys (appsettings.json, environment variables such as Parley__DataPath,
        or --Key=value arguments) are listed in README.md.
        """;

    /// <summary>Runs a non-server command when one was asked for; false means: start the server.</summary>
    public static bool TryRunCommand(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0 || args[0] == "serve" || args[0].StartsWith('-')) return false;
        switch (args[0])
        {
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return true;
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'.");
                Console.Error.WriteLine(Usage);
                exitCode = 2;
                return true;
        }
    }

    /// <summary>The arguments the server should see: everything after an optional <c>serve</c>.</summary>
    public static string[] ServerArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;
}
