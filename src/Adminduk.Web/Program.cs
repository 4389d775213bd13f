using Adminduk.Web;
using Adminduk.Web.Data;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Features.Applications;
using Adminduk.Web.Features.Audit;
using Adminduk.Web.Features.BackOffice;
using Adminduk.Web.Features.BackOffice.RtHeads;
using Adminduk.Web.Features.CitizenAccount;
using Adminduk.Web.Features.Documents;
using Adminduk.Web.Features.Ektp;
using Adminduk.Web.Features.Hosting;
using Adminduk.Web.Features.ListVerification;
using Adminduk.Web.Features.Nik;
using Adminduk.Web.Features.Notifications;
using Adminduk.Web.Features.Offices;
using Adminduk.Web.Features.Register;
using Adminduk.Web.Features.Register.Effects;
using Adminduk.Web.Features.Shared;
using Adminduk.Web.Features.Statistics;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAdmindukDatabase(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAdmindukHosting(builder.Configuration);
builder.Services.AddAdmindukLocalization();
builder.Services.AddAdmindukAudit();
builder.Services.AddAdmindukNotifications(builder.Configuration);
builder.Services.AddApplicationEngine(builder.Configuration);
builder.Services.AddProblemDetails();
builder.Services.AddAdmindukBackOffice(builder.Configuration);
builder.Services.AddAdmindukRegister();
builder.Services.AddCivilRegistryEffects();
builder.Services.AddHouseholdServiceEffects();
builder.Services.AddAdmindukRtHeads();
builder.Services.AddAdmindukEktp(builder.Configuration);
builder.Services.AddAdmindukDocuments(builder.Configuration);
builder.Services.AddListVerification(builder.Configuration);
builder.Services.AddAdmindukIdentity();
builder.Services.AddAdmindukAuthorization();
builder.Services.AddSignInRateLimiting(builder.Configuration);
builder.Services.AddCitizenAccounts(builder.Configuration);
builder.Services.AddAdmindukStatistics(builder.Configuration);
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
{
    document.Info.Title = "Adminduk API";
    return Task.CompletedTask;
}));
builder.Services.AddHealthChecks();

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
await AccountSetup.EnsureRolesAsync(app.Services);

app.UseAdmindukForwardedHeaders();
app.UseInstanceHeader();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Home/Error");
}

app.UseStaticFiles();
app.UseAdmindukLocalization();
app.UseRouting();
app.UseNotFoundForUnknownRoutes();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

// Every endpoint states its authorization (policy or AllowAnonymous); the fallback policy denies the rest.
app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference(o => o.WithTitle("Adminduk API").DisableDefaultFonts()).AllowAnonymous();
app.MapRazorPages();
app.MapListOffices();
app.MapNikEndpoints();
app.MapApplicationApi();
app.MapCitizenAccountEndpoints();
app.MapBackOffice();
app.MapAdmindukDocuments();
app.MapStatistics();
app.MapNotifications();

await app.RunAsync();

/// <summary>Entry point type, public so integration tests can host the app.</summary>
public partial class Program;
