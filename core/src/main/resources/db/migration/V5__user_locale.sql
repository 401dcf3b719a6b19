-- The user's locale (a BCP 47 tag such as en-US or de-DE, as core's Locales normalises it): how the user writes
-- dates, so that the language engine reads "04/12" as the user means it (docs/decisions.md#locale-and-date-order).
-- Existing accounts get the default, en-GB (day before month), as new accounts do when they do not say.
alter table users add column locale text not null default 'en-GB';
