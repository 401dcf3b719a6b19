package dev.kadence.core.user;

import dev.kadence.core.db.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code users} table. */
@Singleton
public class UserStore {
    private static final String COLUMNS = "id, email, password_hash, timezone, locale, created_at, updated_at";

    private final Sql sql;

    UserStore(Sql sql) {
        this.sql = sql;
    }

    public Optional<User> findById(UUID id) {
        return sql.one("select " + COLUMNS + " from users where id = ?", List.of(id), UserStore::user);
    }

    public Optional<User> findByEmail(String email) {
        return sql.one("select " + COLUMNS + " from users where email = ?", List.of(email), UserStore::user);
    }

    /** Stores a new account; false when the email is taken (also by a sign-up that committed a moment ago). */
    public boolean insert(User user) {
        return sql.update("insert into users (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?) on conflict (email) do nothing",
            List.of(user.id(), user.email(), user.passwordHash(), user.timezone(), user.locale(), user.createdAt(), user.updatedAt())) == 1;
    }

    /** Stores the profile's fields (zone, locale) as they are in {@code user}. */
    public void updateProfile(User user) {
        sql.update("update users set timezone = ?, locale = ?, updated_at = ? where id = ?",
            List.of(user.timezone(), user.locale(), user.updatedAt(), user.id()));
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
            rs.getString("timezone"), rs.getString("locale"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
