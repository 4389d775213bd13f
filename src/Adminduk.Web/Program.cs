using Adminduk.Web.Data;
using Adminduk.Web.Features.Nik;
using Adminduk.Web.Features.Offices;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAdmindukDatabase(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRazorPages();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks();

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapRazorPages();
app.MapListOffices();
app.MapNikEndpoints();

await app.RunAsync();

/// <summary>Entry point type, public so integration tests can host the app.</summary>
public partial class Program;
