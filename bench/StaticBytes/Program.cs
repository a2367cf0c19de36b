// StaticBytes: the ASP.NET Core ceiling in bench/kit.sh. It serves one file's bytes, read once at start, for every
// GET, so a benchmark can compare Parley's rendered page with the cheapest way Kestrel can send the very
// same bytes. Whatever Parley costs above this line is Parley's own work (routing, database, rendering).
//
// Usage: StaticBytes --file PATH --urls http://127.0.0.1:PORT
// (--file lands in configuration as "file"; --urls is read by the host itself. The same
// WebApplication.CreateBuilder host as Parley, so the two differ only in what runs per request.)

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();

var path = builder.Configuration["file"];
if (string.IsNullOrEmpty(path) || !File.Exists(path))
{
    Console.Error.WriteLine("Usage: StaticBytes --file PATH --urls http://127.0.0.1:PORT (the file must exist)");
    return 2;
}

// Read once: the benchmark should measure serving bytes from memory, not the disk.
var body = File.ReadAllBytes(path);

var app = builder.Build();
app.MapGet("/{**path}", (HttpContext context) =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = body.Length;
    // The cached byte[] as is: no string, no encoding, no copy per request.
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();
return 0;
