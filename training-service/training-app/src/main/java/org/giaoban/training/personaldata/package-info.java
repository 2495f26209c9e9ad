/**
 * Learners' and contest participants' personal data (DOMAIN.md, "Personal data"), kept by crypto-shredding: each
 * person has a data key of their own ({@link org.giaoban.training.personaldata.PersonKeys}, wrapped by a
 * {@link org.giaoban.training.personaldata.MasterKey} the database does not hold); their id and name are stored in
 * events sealed with it ({@link org.giaoban.training.personaldata.PersonalDataModule}), and the lookup tables know them
 * by a keyed pseudonym ({@link org.giaoban.training.personaldata.Pseudonyms}). Erasing a person deletes their key
 * ({@code command}), on request of an administrator at {@code /api/personal-data/erasures} ({@code web}); their events
 * stay as stored, and read as erased.
 */
package org.giaoban.training.personaldata;
