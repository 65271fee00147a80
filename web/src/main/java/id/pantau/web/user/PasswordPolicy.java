package id.pantau.web.user;

/** Minimum and maximum length, and not the username: length matters more than character classes. */
public record PasswordPolicy(int minLength) {
  static final int MAX_LENGTH = 256;

  public void check(String username, String password) {
    if (password == null || password.length() < minLength) {
      throw new InvalidUserException("password", "user.password.tooShort",
          "at least " + minLength + " characters are required", minLength);
    }
    if (password.length() > MAX_LENGTH) {
      throw new InvalidUserException("password", "user.password.tooLong",
          "at most " + MAX_LENGTH + " characters", MAX_LENGTH);
    }
    if (password.equalsIgnoreCase(username)) {
      throw new InvalidUserException("password", "user.password.isUsername", "must not be the username");
    }
  }
}
