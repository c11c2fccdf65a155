import { Button } from 'design-react-kit';
import { useEffect, useRef } from 'react';
import type { Organisation } from '../api/types.ts';
import { roleLabel, roles } from '../common/format.ts';
import { SelectField } from '../common/SelectField.tsx';
import { fieldId } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { newMembershipRow } from './memberships.ts';
import type { MembershipRow } from './memberships.ts';

interface MembershipsEditorProps {
  formId: string;
  rows: MembershipRow[];
  onChange: (rows: MembershipRow[]) => void;
  organisations: Pick<Organisation, 'id' | 'name'>[];
  messageFor: (field: string) => string | undefined;
  /** Hide the legend visually where a heading with the same words is just above. */
  legendHidden?: boolean;
}

/**
 * Organisation + role pairs, one row each. Adding a row focuses its organisation; removing
 * one focuses the "add" button, so keyboard focus is never lost with the removed row.
 */
export function MembershipsEditor({
  formId,
  rows,
  onChange,
  organisations,
  messageFor,
  legendHidden = false,
}: MembershipsEditorProps) {
  const t = useT();
  const addRef = useRef<HTMLButtonElement>(null);
  const pendingFocus = useRef<string | null>(null);
  const groupError = messageFor('memberships');
  const groupId = fieldId(formId, 'memberships');

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const target =
      pendingFocus.current === 'add'
        ? addRef.current
        : document.getElementById(pendingFocus.current);
    pendingFocus.current = null;
    target?.focus();
  }, [rows]);

  function update(index: number, change: Partial<MembershipRow>) {
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  }

  function add() {
    pendingFocus.current = fieldId(formId, `memberships.${rows.length}.organisationId`);
    onChange([...rows, newMembershipRow()]);
  }

  function remove(index: number) {
    pendingFocus.current = 'add';
    onChange(rows.filter((_, i) => i !== index));
  }

  const organisationOptions = organisations.map((o) => ({ value: o.id, label: o.name }));
  const roleOptions = roles.map((role) => ({ value: role, label: roleLabel(t, role) }));

  return (
    <fieldset
      id={groupId}
      tabIndex={-1}
      className="bo-memberships mb-4"
      aria-describedby={groupError ? `${groupId}-error` : undefined}
    >
      <legend className={legendHidden ? 'visually-hidden' : 'h5'}>
        {t('bo.memberships.legend')}
      </legend>
      {groupError && (
        <div id={`${groupId}-error`} className="invalid-feedback d-block mb-3">
          {groupError}
        </div>
      )}
      {rows.map((row, index) => {
        const n = index + 1;
        const orgField = `memberships.${index}.organisationId`;
        const roleField = `memberships.${index}.role`;
        return (
          <div key={row.key} className="row align-items-start bo-membership-row">
            <div className="col-md-6">
              <SelectField
                id={fieldId(formId, orgField)}
                label={t('bo.memberships.organisation', { n })}
                placeholder={t('bo.memberships.chooseOrganisation')}
                options={organisationOptions}
                value={row.organisationId}
                onChange={(organisationId) => update(index, { organisationId })}
                error={messageFor(orgField)}
                required
              />
            </div>
            <div className="col-md-4">
              <SelectField
                id={fieldId(formId, roleField)}
                label={t('bo.memberships.role', { n })}
                placeholder={t('bo.memberships.chooseRole')}
                options={roleOptions}
                value={row.role}
                onChange={(role) => update(index, { role })}
                error={messageFor(roleField)}
                required
              />
            </div>
            <div className="col-md-2 mb-4 bo-membership-remove">
              <Button
                type="button"
                color="danger"
                outline
                size="sm"
                disabled={rows.length === 1}
                aria-label={t('bo.memberships.remove', { n })}
                onClick={() => remove(index)}
              >
                {t('bo.memberships.removeShort')}
              </Button>
            </div>
          </div>
        );
      })}
      <Button type="button" color="primary" outline size="sm" innerRef={addRef} onClick={add}>
        {t('bo.memberships.add')}
      </Button>
    </fieldset>
  );
}
