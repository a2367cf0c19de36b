using Parley.Web.Cli;
using Parley.Web.Hosting;

MallocArenas.Limit();

// One executable: `Parley` or `Parley serve` runs the site; other verbs are commands (see Cli/).
if (await CommandLine.TryRunCommandAsync(args) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(CommandLine.ServerArguments(args));
builder.AddParley();

var app = builder.Build();
await app.PrepareAsync();
app.UseParley();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
