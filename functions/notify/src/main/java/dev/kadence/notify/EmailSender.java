package dev.kadence.notify;

import dev.kadence.core.channel.Channel;
import dev.kadence.core.channel.Delivery;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Properties;

/**
 * Sends a delivery as a plain-text email through the deployment's SMTP server. The mail classes load with the first
 * email, not at start-up. The Message-ID and a {@code Kadence-Delivery} header carry the delivery's id.
 */
@Singleton
class EmailSender {
    private final SmtpSettings settings;
    private final MessageText text;
    private Session session;

    EmailSender(SmtpSettings settings, MessageText text) {
        this.settings = settings;
        this.text = text;
    }

    void send(Channel channel, Delivery d) throws DeliveryFailed {
        if (settings.host() == null || settings.host().isBlank()) {
            throw new DeliveryFailed("this deployment has no SMTP server configured");
        }
        try {
            MimeMessage message = new MimeMessage(session()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + d.id() + "@kadence>");
                }
            };
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(channel.address(), true));
            message.setSubject(d.title(), "UTF-8");
            message.setText(text.plain(d), "UTF-8");
            message.setHeader(WebhookSender.DELIVERY_HEADER, d.id().toString());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new DeliveryFailed("the SMTP server did not take the email: " + e.getMessage(), e);
        }
    }

    private synchronized Session session() {
        if (session == null) {
            Properties p = new Properties();
            p.put("mail.smtp.host", settings.host());
            p.put("mail.smtp.port", String.valueOf(settings.port()));
            p.put("mail.smtp.starttls.enable", String.valueOf(settings.starttls()));
            p.put("mail.smtp.starttls.required", String.valueOf(settings.starttls()));
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            String timeout = String.valueOf(settings.timeout().toMillis());
            p.put("mail.smtp.connectiontimeout", timeout);
            p.put("mail.smtp.timeout", timeout);
            p.put("mail.smtp.writetimeout", timeout);
            boolean auth = settings.username() != null && !settings.username().isBlank();
            p.put("mail.smtp.auth", String.valueOf(auth));
            session = Session.getInstance(p, auth ? new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.username(), settings.password());
                }
            } : null);
        }
        return session;
    }
}
