-- 053_change_log_people.sql
-- The change feed (sql/052) follows people too (sql/030): inserts and deletes, and updates of
-- what a lead shows of a person (name, role, seniority; not last_seen_at refreshes). A contact
-- tied to another person (contacts.person_id) is a change of the contact.
-- Applied by `python manage.py apply_sql`; never edit this file once applied: add a new one.

CREATE TRIGGER people_change_log_insert AFTER INSERT ON people
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_rows();
CREATE TRIGGER people_change_log_delete AFTER DELETE ON people
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION change_log_rows();
CREATE TRIGGER people_change_log_update AFTER UPDATE ON people FOR EACH ROW
    WHEN ((OLD.name, OLD.role, OLD.seniority, OLD.domain_id)
          IS DISTINCT FROM (NEW.name, NEW.role, NEW.seniority, NEW.domain_id))
    EXECUTE FUNCTION change_log_update();

DROP TRIGGER contacts_change_log_update ON contacts;
CREATE TRIGGER contacts_change_log_update AFTER UPDATE ON contacts FOR EACH ROW
    WHEN ((OLD.kind, OLD.value, OLD.display, OLD.classification, OLD.verdict, OLD.domain_id,
           OLD.person_id)
          IS DISTINCT FROM (NEW.kind, NEW.value, NEW.display, NEW.classification, NEW.verdict,
                            NEW.domain_id, NEW.person_id))
    EXECUTE FUNCTION change_log_update();
