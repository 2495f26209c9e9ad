// The accounts of the suite, made by the mongo image on its first start (an empty volume), as its administrator:
// each service may read and write its own database and no other (its read models, tracking tokens and sagas).
// Passwords from GIAOBAN_MONGO_TASKS_PASSWORD, GIAOBAN_MONGO_TRAINING_PASSWORD, GIAOBAN_MONGO_REPORTING_PASSWORD.
const accounts = [
  { user: 'giaoban_tasks', database: 'giaoban-tasks', password: process.env.GIAOBAN_MONGO_TASKS_PASSWORD },
  { user: 'giaoban_training', database: 'giaoban-training', password: process.env.GIAOBAN_MONGO_TRAINING_PASSWORD },
  { user: 'giaoban_reporting', database: 'giaoban-reporting', password: process.env.GIAOBAN_MONGO_REPORTING_PASSWORD },
];
for (const account of accounts) {
  if (!account.password) {
    throw new Error('no password for ' + account.user);
  }
  db.getSiblingDB(account.database).createUser({
    user: account.user,
    pwd: account.password,
    roles: [{ role: 'readWrite', db: account.database }],
  });
}
