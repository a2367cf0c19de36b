using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Parley.Testing;

/// <summary>
/// Runs the built Parley executable as a real process, as a user would, and collects what it prints.
/// Used for first-start and restart behaviour, which an in-process host cannot show honestly.
/// </summary>
public sealed partial class ParleyProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Output { get { lock (_output) return _output.ToString(); } }

    private ParleyProcess(Process process) => _process = process;

    public static string ExecutablePath
    {
        get
        {
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            var root = Path.GetFullPath(Path.Combine(TestData.Root, "..", ".."));
            return Path.Combine(root, "src", "Parley.Web", "bin", configuration, "net10.0", "Parley.dll");
        }
    }

    /// <summary>Starts Parley with the given arguments and waits until it listens (or fails).</summary>
    public static async Task<ParleyProcess> StartAsync(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(ExecutablePath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var parley = new ParleyProcess(process);
        process.OutputDataReceived += (_, e) => parley.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => parley.Collect(e.Data);
        process.Exited += (_, _) => parley._listening.TrySetException(new InvalidOperationException("Parley exited early:\n" + parley.Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await parley._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return parley;
    }

    public string Address => _listening.Task.Result;

    /// <summary>Runs a Parley command (not the server) to its end; returns its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(ExecutablePath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        var match = ListeningLine().Match(line);
        if (match.Success) _listening.TrySetResult(match.Groups[1].Value);
    }

    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
