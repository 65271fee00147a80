package id.pantau.web.user;

import java.util.Set;

/** What an administrator enters to create a user. */
public record NewUser(String username, String displayName, String password, Set<Role> roles, boolean allCameras,
    Set<Grant> grants) {}
