package dev.kadence.core.user;

/** What a user signs in with: the email as typed and the password. */
public record Credentials(String email, String password) {
}
