using System.Security.Claims;
using Adminduk.Domain.Population;
using Adminduk.Web.Features.Account;
using Adminduk.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Adminduk.Web.Tests.Features.Account;

/// <summary>
/// How refusals look: pages redirect (sign-in, access denied, change password), /api answers with a status code.
/// Driven through the app's own authorization result handler and cookie scheme, since no /api route exists yet.
/// </summary>
public sealed class ApiAuthorizationTests(ApiAuthorizationTests.App fixture) : IClassFixture<ApiAuthorizationTests.App>
{
    [Theory]
    [InlineData("/api/nik/6471050101900001", false, false, 401, null)]
    [InlineData("/api/nik/6471050101900001", true, false, 403, null)]
    [InlineData("/api/nik/6471050101900001", true, true, 403, null)]
    [InlineData("/Staff", false, false, 302, "/Account/SignIn?ReturnUrl=%2FStaff")]
    [InlineData("/Staff", true, false, 302, "/Account/AccessDenied?ReturnUrl=%2FStaff")]
    [InlineData("/Staff", true, true, 302, "/Account/ChangePassword?ReturnUrl=%2FStaff")]
    public async Task Refusal_is_a_status_for_apis_and_a_redirect_for_pages(string path, bool signedIn, bool mustChangePassword, int status, string? location)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = path;
        context.Request.Host = new HostString("localhost");
        context.Request.Scheme = "http";
        Claim[] claims = mustChangePassword
            ? [new Claim(ClaimTypes.Name, "petugas"), new Claim(ClaimTypes.Role, Roles.Operator), new Claim(AdmindukClaimTypes.MustChangePassword, "true")]
            : [new Claim(ClaimTypes.Name, "warga"), new Claim(ClaimTypes.Role, Roles.Citizen)];
        context.User = signedIn ? new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme)) : new ClaimsPrincipal(new ClaimsIdentity());
        var policy = (await scope.ServiceProvider.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(Policies.Staff))!;
        var evaluation = await scope.ServiceProvider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, policy);
        var result = signedIn ? PolicyAuthorizationResult.Forbid(evaluation.Failure) : PolicyAuthorizationResult.Challenge();
        var handler = scope.ServiceProvider.GetRequiredService<IAuthorizationMiddlewareResultHandler>();

        await handler.HandleAsync(_ => throw new InvalidOperationException("a refused request must not go on"), context, policy, result);

        context.Response.StatusCode.ShouldBe(status);
        var redirect = context.Response.Headers.Location.ToString();
        if (location is null)
        {
            redirect.ShouldBeEmpty();
        }
        else
        {
            new Uri(new Uri("http://localhost"), redirect).PathAndQuery.ShouldBe(location);
        }
    }

    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync() => Factory = await AppFactory.CreateAsync();

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
