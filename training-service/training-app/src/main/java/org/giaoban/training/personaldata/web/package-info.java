/** {@code POST /api/personal-data/erasures}: an administrator erases a person's personal data on their request. */
package org.giaoban.training.personaldata.web;
