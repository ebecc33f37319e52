package org.yunxie.admin;
