import { RecordError, isBlank, type NamedTransform, type TransformContext } from '@p2c/core';
import { P2C_TASKS } from '../tasks/P2C_TASKS.js';
import { bindByAlternateKey } from './lookupBinds.js';

type CustomerSide = 'account' | 'contact';

/** Which Sales table the record's customer came from, by the task that synced it (the `customer` parent). */
function customerSide(context: TransformContext): CustomerSide {
  const taskKey = context.parents?.['customer']?.taskKey;
  if (taskKey === P2C_TASKS.accounts.customers) return 'account';
  if (taskKey === P2C_TASKS.contactToCustomer.customers) return 'contact';
  throw new RecordError(
    `${context.field}: cannot tell whether the customer is a Sales account or contact (it was synced by ${taskKey ?? 'no known task'})`,
    { code: 'CUSTOMER_UNRESOLVED', field: context.field },
  );
}

function customerBind(side: CustomerSide): NamedTransform {
  return (value, context) => {
    const key = context.parents?.['customer']?.key ?? (isBlank(value) ? null : String(value).trim());
    if (key === null) return null;
    // Only the account side reports an unknown origin, so a record fails with one reason, not two.
    if (side === 'contact') {
      return context.parents?.['customer']?.taskKey === P2C_TASKS.contactToCustomer.customers
        ? bindByAlternateKey('contacts', 'msdyn_contactnumber', key)
        : null;
    }
    return customerSide(context) === 'account' ? bindByAlternateKey('accounts', 'accountnumber', key) : null;
  };
}

/**
 * `customerid_account@odata.bind`: `/accounts(accountnumber='…')` when the customer was synced
 * from a Sales account, else null (a null bind is left out of the request).
 */
export const customerAccountBind: NamedTransform = customerBind('account');

/**
 * `customerid_contact@odata.bind`: `/contacts(msdyn_contactnumber='…')` when the customer was
 * synced from a Sales contact (Contacts to Customer), else null.
 */
export const customerContactBind: NamedTransform = customerBind('contact');
