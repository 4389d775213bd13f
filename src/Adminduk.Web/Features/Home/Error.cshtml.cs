using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Adminduk.Web.Features.Home;

/// <summary>Shown by the exception handler outside Development. No handler methods: it answers whatever method failed.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string? RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;
}
