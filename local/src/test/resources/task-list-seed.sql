-- 100,000 tasks for the user 'tasklist@example.com' (signed up before this runs), for TaskListBenchmark.
-- Deterministic (setseed); shaped like one heavy user's years of use rather than uniform noise:
--   status      70 % open (55 todo, 15 in progress), 30 % done, completed over the past year (more of them recently)
--   created     open tasks over the past two years; done ones up to 90 days before their completion
--   priority    skewed: 55 % medium, 30 % low, 15 % high
--   tags        0-4 per task from a vocabulary of 50, the first few far more common (squared random index)
--   due_at      85 % dated, uniform over now ± 1 year; 15 % undated
--   title       verb + object (+ context) from word lists, so "prep pres" finds "Prepare presentation ..."
--   description 40 % have one sentence
--   recurring   3 % are instances of 300 series (10 instances each)
select setseed(0.18);

insert into tags (id, user_id, name, created_at)
select gen_random_uuid(), u.id, t.name, now() - interval '2 years'
from users u,
     unnest(array['work', 'home', 'urgent', 'errands', 'family', 'health', 'finance', 'travel', 'shopping', 'reading',
                  'admin', 'school', 'garden', 'car', 'fitness', 'kids', 'friends', 'music', 'cooking', 'cleaning',
                  'bills', 'taxes', 'insurance', 'doctor', 'dentist', 'pets', 'birthday', 'holiday', 'project-x',
                  'project-y', 'clients', 'meetings', 'hiring', 'review', 'ops', 'backend', 'frontend', 'design',
                  'writing', 'research', 'learning', 'volunteer', 'church', 'neighbours', 'repairs', 'moving',
                  'wedding', 'photos', 'someday', 'waiting']) as t(name)
where u.email = 'tasklist@example.com';

insert into series (id, user_id, rule, timezone, mode, start_at, status, created_at, updated_at)
select ('00000000-0000-4000-8000-' || lpad(to_hex(s), 12, '0'))::uuid, u.id,
       (array['FREQ=WEEKLY;BYDAY=MO', 'FREQ=DAILY', 'FREQ=MONTHLY;BYMONTHDAY=1', 'FREQ=WEEKLY;BYDAY=FR'])[1 + s % 4],
       'Europe/Berlin', 'schedule', now() - interval '300 days', 'active', now() - interval '300 days', now() - interval '300 days'
from users u, generate_series(1, 300) s
where u.email = 'tasklist@example.com';

with words as (
    select array['Prepare', 'Review', 'Call', 'Email', 'Buy', 'Fix', 'Plan', 'Book', 'Pay', 'Write', 'Update', 'Clean',
                 'Schedule', 'Submit', 'Read', 'Check', 'Send', 'Order', 'Renew', 'Organise', 'Draft', 'Finish',
                 'Print', 'Sign', 'Return'] as verbs,
           array['presentation', 'report', 'budget', 'invoice', 'dentist appointment', 'groceries', 'car service',
                 'tax return', 'passport', 'slides', 'proposal', 'contract', 'newsletter', 'birthday present',
                 'flight tickets', 'hotel', 'insurance', 'rent', 'electricity bill', 'garden', 'kitchen', 'garage',
                 'bike', 'laptop', 'printer', 'press release', 'quarterly review', 'team meeting', 'roadmap',
                 'design doc', 'blog post', 'thesis chapter', 'library books', 'vet visit', 'school forms',
                 'gift card', 'pharmacy order', 'boiler check', 'website', 'photo album'] as objects,
           array['for Monday', 'with Anna', 'for the client', 'before the trip', 'for mum', 'at the office',
                 'this week', 'for the board', 'with the team', 'for Q3'] as contexts,
           array['Remember to bring the documents.', 'Ask about the discount first.', 'Needs two signatures.',
                 'See the notes from last time.', 'Follow up if there is no answer by Friday.',
                 'Check the shared drive for the latest version.', 'Keep the receipt.',
                 'Coordinate with the neighbours.', 'Compare at least three offers.', 'Send a copy to accounting.'] as sentences,
           array['work', 'home', 'urgent', 'errands', 'family', 'health', 'finance', 'travel', 'shopping', 'reading',
                 'admin', 'school', 'garden', 'car', 'fitness', 'kids', 'friends', 'music', 'cooking', 'cleaning',
                 'bills', 'taxes', 'insurance', 'doctor', 'dentist', 'pets', 'birthday', 'holiday', 'project-x',
                 'project-y', 'clients', 'meetings', 'hiring', 'review', 'ops', 'backend', 'frontend', 'design',
                 'writing', 'research', 'learning', 'volunteer', 'church', 'neighbours', 'repairs', 'moving',
                 'wedding', 'photos', 'someday', 'waiting'] as vocabulary
), draws as (
    select i, random() as r_status, random() as r_priority, floor(random() * 5)::int as tag_count, random() as r_due,
           random() as r_verb, random() as r_object, random() as r_context, random() as r_description,
           random() as r_created, random() as r_completed, random() as r_updated,
           array[random(), random(), random(), random()] as r_tags
    from generate_series(1, 100000) i
), shaped as (
    select d.*,
           case when r_status < 0.55 then 'todo' when r_status < 0.70 then 'in_progress' else 'done' end as status,
           now() - interval '365 days' * power(r_completed, 2) as completed_at
    from draws d
), dated as (
    select s.*, case when s.status = 'done' then s.completed_at - interval '90 days' * s.r_created
                     else now() - interval '730 days' * s.r_created end as created_at
    from shaped s
)
insert into tasks (id, user_id, title, description, priority, status, tags, due_at, completed_at, series_id,
                   series_instance, created_at, updated_at)
select gen_random_uuid(), u.id,
       w.verbs[1 + floor(s.r_verb * array_length(w.verbs, 1))::int] || ' '
           || w.objects[1 + floor(s.r_object * array_length(w.objects, 1))::int]
           || case when s.r_context < 0.5 then ' ' || w.contexts[1 + floor(s.r_context * 2 * array_length(w.contexts, 1))::int] else '' end,
       case when s.r_description < 0.4 then w.sentences[1 + floor(s.r_description / 0.4 * array_length(w.sentences, 1))::int] end,
       case when s.r_priority < 0.30 then 1 when s.r_priority < 0.85 then 2 else 3 end,
       s.status,
       array(select distinct w.vocabulary[1 + floor(power(s.r_tags[k], 2) * 50)::int]
             from generate_series(1, s.tag_count) k),
       case when s.r_due < 0.85 then now() + interval '365 days' * (s.r_due / 0.85 * 2 - 1) end,
       case when s.status = 'done' then s.completed_at end,
       case when s.i % 100 < 3 then ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (s.i / 100) % 300), 12, '0'))::uuid end,
       case when s.i % 100 < 3 then 1 + s.i / 30000 * 3 + s.i % 100 end,
       s.created_at,
       case when s.status = 'done' then s.completed_at else s.created_at + (now() - s.created_at) * s.r_updated end
from dated s, words w, users u
where u.email = 'tasklist@example.com';

analyze tasks;
