using System.Security.Claims;
using Liaison.Contents;
using Liaison.Contents.Security;
using LiaisonSite.Core.ContentManagement;
using LiaisonSite.Core.ContentManagement.Metadata;
using LiaisonSite.Core.Security;
using Microsoft.AspNetCore.Authorization;

namespace LiaisonSite.Tests.Modules.Contents;

/// <summary>Owner-based content rights, decided in one handler.</summary>
public sealed class ContentAuthorizationHandlerTests
{
    private static readonly ContentItem s_ownedByMember1 = new() { ContentType = "Article", Owner = "member1" };

    [Fact]
    public async Task EditOwn_AllowsTheOwner_ButNotSomeoneElse()
    {
        Assert.True(await AllowedAsync(User("member1", Permissions.EditOwn), s_ownedByMember1, ContentOperation.Edit));
        Assert.False(await AllowedAsync(User("member2", Permissions.EditOwn), s_ownedByMember1, ContentOperation.Edit));
    }

    [Fact]
    public async Task Edit_ImpliesEditOwn()
        => Assert.True(await AllowedAsync(User("member1", Permissions.Edit), s_ownedByMember1, ContentOperation.Edit));

    [Fact]
    public async Task Publish_NeedsTheRightToEditToo()
    {
        Assert.False(await AllowedAsync(User("member1", Permissions.PublishOwn), s_ownedByMember1, ContentOperation.Publish));
        Assert.True(await AllowedAsync(User("member1", Permissions.PublishOwn, Permissions.EditOwn), s_ownedByMember1, ContentOperation.Publish));
        Assert.False(await AllowedAsync(User("member2", Permissions.PublishOwn, Permissions.Edit), s_ownedByMember1, ContentOperation.Publish));
    }

    [Fact]
    public async Task DeleteOwn_DoesNotReachOtherPeoplesItems()
    {
        Assert.False(await AllowedAsync(User("member2", Permissions.DeleteOwn), s_ownedByMember1, ContentOperation.Delete));
        Assert.True(await AllowedAsync(User("member2", Permissions.Delete), s_ownedByMember1, ContentOperation.Delete));
    }

    [Fact]
    public async Task Preview_OfSomeoneElsesItem_NeedsViewAllOrEdit()
    {
        Assert.False(await AllowedAsync(User("member2", Permissions.Preview), s_ownedByMember1, ContentOperation.Preview));
        Assert.True(await AllowedAsync(User("member2", Permissions.Preview, Permissions.ViewAll), s_ownedByMember1, ContentOperation.Preview));
    }

    [Fact]
    public async Task WithoutAnItem_TheOwnRightIsEnough()
    {
        Assert.True(await AllowedAsync(User("member1", Permissions.EditOwn), null, ContentOperation.Edit));
        Assert.False(await AllowedAsync(User("member1", Permissions.Preview), null, ContentOperation.Edit));
    }

    [Fact]
    public async Task Anonymous_IsNeverTheOwner()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());
        var permissions = new FakePermissions(Permissions.EditOwn.Name);
        var item = new ContentItem { ContentType = "Article", Owner = "" };
        Assert.False(await AllowedAsync((anonymous, permissions), item, ContentOperation.Edit));
    }

    private static (ClaimsPrincipal, IPermissionService) User(string name, params Permission[] granted)
        => (new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "test")),
            new FakePermissions([.. granted.Select(p => p.Name)]));

    private static async Task<bool> AllowedAsync((ClaimsPrincipal User, IPermissionService Permissions) caller, ContentItem? item, ContentOperation operation)
    {
        var requirement = ContentOperationRequirement.For(operation);
        var context = new AuthorizationHandlerContext([requirement], caller.User, item);
        await new ContentAuthorizationHandler(caller.Permissions, [], new FakeTypes("Article")).HandleAsync(context);
        return context.HasSucceeded;
    }

    [Fact]
    public async Task AnItemWhoseTypeIsNotACanonicalName_IsRefusedEvenToTheAllowed()
    {
        var miscased = new ContentItem { ContentType = "article", Owner = "member1" };

        Assert.False(await AllowedAsync(User("member1", Permissions.Edit, Permissions.ViewAll), miscased, ContentOperation.View));
        Assert.False(await AllowedAsync(User("member1", Permissions.Edit), new ContentItem { ContentType = "Unknown", Owner = "member1" }, ContentOperation.Edit));
    }

    private sealed class FakeTypes(params string[] names) : IContentTypeResolver
    {
        public Task<ContentTypeDefinition?> ResolveAsync(string? name)
            => Task.FromResult(names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) is { } found
                ? new ContentTypeDefinition { Name = found }
                : null);

        public Task<IReadOnlyList<string>> ResolveNamesAsync(IEnumerable<string> requested)
            => Task.FromResult<IReadOnlyList<string>>([.. names.Where(n => requested.Contains(n, StringComparer.OrdinalIgnoreCase))]);
    }

    private sealed class FakePermissions(params string[] granted) : IPermissionService
    {
        public Task<IReadOnlyList<Permission>> GetAllPermissionsAsync() => Task.FromResult<IReadOnlyList<Permission>>([]);

        public Task<bool> HasPermissionAsync(ClaimsPrincipal user, string permissionName) => Task.FromResult(granted.Contains(permissionName));
    }
}
